package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.config.OptionOrigins;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** The job's own error line: in words by default, the stack trace only with -v. */
class FailuresTest {
  private static String report(Exception e, boolean verbose) {
    StringWriter text = new StringWriter();
    Failures.report(e, "in.csv", verbose, OptionOrigins.NONE, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void anErrorWithoutAMessageIsSaidWithoutAJavaClassName() {
    String line = report(new IOException(new AccessDeniedException("/out/part-0")), false);

    assertThat(line).isEqualTo("imgdl: error: Permission denied\n");
  }

  @Test
  void verboseAddsTheStackTraceWithItsClassNames() {
    String text = report(new IllegalStateException(), true);

    assertThat(text).startsWith("imgdl: error: unexpected error\n")
        .contains("java.lang.IllegalStateException\n\tat ");
  }
}
