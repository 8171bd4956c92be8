package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChildLogTest {

  @Test
  void whatAChildsJvmPrintsByItselfIsPrefixedAndEscapedWithItsIndentKept() throws Exception {
    // As a JVM prints an uncaught exception: raw text, a stack frame indented with a tab.
    Process child = new ProcessBuilder("sh", "-c",
        "printf 'Exception: \\033]0;pwned\\007 for http://u:p@h/x\\n\\tat a.B(B.java:1)\\033[2K\\n"
            + "over\\rwritten\\n' >&2").start();
    StringWriter err = new StringWriter();
    ChildLog.forward("worker 3", child, new PrintWriter(err)).join(10_000);
    assertThat(child.waitFor()).isZero();
    assertThat(err.toString().lines()).containsExactly(
        "[worker 3] Exception: \\x1b]0;pwned\\x07 for http://***@h/x",
        "[worker 3] \tat a.B(B.java:1)\\x1b[2K",
        "[worker 3] over",
        "[worker 3] written");
  }

  @Test
  void aChildOfSeveralChunksIsNamedByItsWorkers() throws Exception {
    Process child = new ProcessBuilder("sh", "-c", "echo hello >&2").start();
    StringWriter err = new StringWriter();
    ChildLog.forward("workers 0,2", child, new PrintWriter(err)).join(10_000);
    assertThat(child.waitFor()).isZero();
    assertThat(err.toString().lines()).containsExactly("[workers 0,2] hello");
  }
}
