package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

  @Test
  void everyControlCharacterIsEscapedAndNothingElse() {
    assertThat(ControlChars.escape("a\u001b]0;pwned\u0007b")).isEqualTo("a\\x1b]0;pwned\\x07b");
    assertThat(ControlChars.escape("\r\n\t\u0000\u007f\u009b\u0085"))
        .isEqualTo("\\r\\n\\t\\x00\\x7f\\u009b\\u0085");
    assertThat(ControlChars.escape("\u2028\u202e\u2066")).isEqualTo("\\u2028\\u202e\\u2066");
    assertThat(ControlChars.escape("café ünïcode 日本 \\x41 ~"))
        .isEqualTo("café ünïcode 日本 \\x41 ~");
    for (char c = 0; c < 0x20; c++) {
      assertThat(ControlChars.escape("" + c)).startsWith("\\").hasSizeGreaterThan(1);
    }
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = ControlChars.escape("x\u001b[2K\r\u0000\u009by");
    assertThat(ControlChars.escape(once)).isEqualTo(once);
    assertThat(ConsoleText.safe(ConsoleText.safe("http://u:p@h/\u001b"))).isEqualTo(
        ConsoleText.safe("http://u:p@h/\u001b"));
  }

  @Test
  void consoleTextHidesCredentialsBeforeEscaping() {
    // Escaped first, the backslash of \x1b would make the user name look like a path.
    assertThat(ConsoleText.safe("http://us\u001ber@h/x.png")).isEqualTo("http://***@h/x.png");
    assertThat(ConsoleText.safe("GET http://u:p@h/\u0007 failed"))
        .isEqualTo("GET http://***@h/\\x07 failed");
    assertThat(ConsoleText.safe(null)).isEqualTo("null");
  }

  @Test
  void stackTracesKeepTheirShapeButNotTheMessagesControlCharacters() {
    IOException cause = new IOException("status line HTTP/1.1 2\u001b]0;x\u0007\nfake line");
    RuntimeException e = new RuntimeException("for http://u:p@h/x.png", cause);
    e.addSuppressed(new IllegalStateException("\r\u001b[2K"));
    String text = ThrowableText.of(e);
    assertThat(text)
        .startsWith("java.lang.RuntimeException: for http://***@h/x.png\n\tat ")
        .contains("\n\tSuppressed: java.lang.IllegalStateException: \\r\\x1b[2K\n\t\tat ")
        .contains("\nCaused by: java.io.IOException: status line HTTP/1.1 2\\x1b]0;x\\x07\\nfake"
            + " line\n")
        .contains(" more\n")
        .endsWith("\n")
        .doesNotContain("\u001b", "\r", "\u0007");
    assertThat(text.lines()).allMatch(l -> l.startsWith("\t") || l.startsWith("java.")
        || l.startsWith("Caused by: "));
  }
}
