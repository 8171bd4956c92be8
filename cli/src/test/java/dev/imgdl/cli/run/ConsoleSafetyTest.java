package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a hostile server or input line can make imgdl print: never a raw control character (a
 * terminal title, a cursor move, a line overwritten), never a password, in either mode and at
 * any -v level; while the report keeps the server's text exactly.
 */
class ConsoleSafetyTest {
  /** Any control character but the newline that ends each line and a tab. */
  private static final Pattern RAW_CONTROL =
      Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e]");

  /** What may come before a tab: the start of a line, a child's prefix, or another tab. */
  private static final Pattern INDENT = Pattern.compile("^(\\[workers? [0-9,]+] )?\\t+");

  private static final String STATUS_LINE = "HTTP/1.1 2\u001b]0;pwned\u0007\r\u001b[2Kfake";
  private static final String CONTENT_TYPE = "image/x\u001b[2K\r\u0007\u009bbad";

  private static CannedHttpServer server;

  @TempDir Path dir;

  @BeforeAll
  static void serveHostileResponses() {
    server = CannedHttpServer.start();
    server.respond("/status.png",
        (STATUS_LINE + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    server.respond("/type.png", "HTTP/1.1 200 OK", List.of("Content-Type: " + CONTENT_TYPE),
        "hello".getBytes(StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aServersControlCharactersAreEscapedOnTheConsoleAndKeptInTheReport(String mode) {
    Path list = Cli.list(dir, "list.txt",
        List.of(server.url("/status.png"), server.url("/type.png")));
    Path report = dir.resolve("report.json");
    Cli.Outcome run = Cli.run("--mode", mode, "-w", "2", "--retries", "0", "-o",
        dir.resolve("out").toString(), "--report", report.toString(), list.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertNoRawControl(run.stderr());
    assertThat(run.stderr())
        .contains(list + ":1 " + server.url("/status.png") + ": connection error: Unexpected "
            + "status line: HTTP/1.1 2\\x1b]0;pwned\\x07\\r\\x1b[2Kfake\n")
        .contains(list + ":2 " + server.url("/type.png")
            + ": not an image (server said image/x\\x1b[2k\\r\\x07\\u009bbad, body is text)\n");
    JsonNode results = Cli.readJson(report).get("results");
    assertThat(results.get(0).get("error").asText())
        .isEqualTo("connection error: Unexpected status line: " + STATUS_LINE);
    assertThat(results.get(1).get("contentType").asText()).isEqualTo(CONTENT_TYPE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anInputLinesControlCharactersAreEscapedOnTheConsoleAndKeptInTheReport(String mode) {
    String withEscape = server.url("/a\u001b[2Kb\u0001.png");
    String title = "\u001b]0;pwned\u0007";
    Path list = Cli.list(dir, "list.txt", List.of(withEscape, title));
    Cli.Outcome run = Cli.run("--mode", mode, "-o", dir.resolve("out").toString(),
        "--report", "-", list.toString());

    assertNoRawControl(run.stderr());
    assertThat(run.stderr())
        .contains(list + ":1 " + server.url("/a\\x1b[2Kb\\x01.png")
            + ": contains control characters\n")
        .contains(list + ":2 \\x1b]0;pwned\\x07: not an absolute URL (no scheme)\n");
    JsonNode results = run.json().get("results");
    assertThat(results.get(0).get("url").asText()).isEqualTo(withEscape);
    assertThat(results.get(1).get("url").asText()).isEqualTo(title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void verboseLogsEscapeWhatTheServerSentStackTracesIncluded(String mode) {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/status.png")));
    Cli.Outcome run = runCapturingLogs("--mode", mode, "-vv", "--retries", "0", "-o",
        dir.resolve("out").toString(), list.toString());

    assertNoRawControl(run.stderr());
    // The debug log of the failed attempt, with the exception's message escaped.
    assertThat(run.stderr())
        .contains("DEBUG Exchange: attempt failed\n")
        .contains("java.net.ProtocolException: Unexpected status line: "
            + "HTTP/1.1 2\\x1b]0;pwned\\x07\\r\\x1b[2Kfake\n")
        .containsPattern("\n(\\[workers? [0-9,]+] )?\tat okhttp3\\.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void passwordsNeverShowWhateverTheyHoldAndTheFailedFileKeepsThem(String mode)
      throws Exception {
    String port = server.url("").substring("http://127.0.0.1:".length());
    String authority = "127.0.0.1:" + port;
    String valid = "http://me:s3cr3t@" + authority + "/gone.png";
    String tokenOnly = "http://s3cr3t-token@" + authority + "/token.png";
    List<String> lines = List.of(
        valid,
        tokenOnly,
        "http://me:s3cr3t/a?b#c@d:e\\f@" + authority + "/x.png",
        "http:/me:s3cr3t@" + authority + "/x.png",
        "http:\\\\me:s3cr3t@" + authority + "/x.png",
        "http:me:s3cr3t@" + authority + "/x.png",
        "me:s3cr3t@" + authority + "/x.png");
    Path list = Cli.list(dir, "list.txt", lines);
    Path report = dir.resolve("report.json");
    Path failed = dir.resolve("failed.txt");
    Cli.Outcome run = runCapturingLogs("--mode", mode, "-vvv", "--retries", "0", "-o",
        dir.resolve("out").toString(), "--report", report.toString(), "--failed",
        failed.toString(), list.toString());

    assertThat(run.stderr()).doesNotContain("s3cr3t")
        .contains(list + ":1 http://***@" + authority + "/gone.png: HTTP 404\n")
        .contains(list + ":2 http://***@" + authority + "/token.png: HTTP 404\n")
        .contains(list + ":3 http://***@" + authority + "/x.png: ")
        .contains(list + ":4 http:/***@" + authority + "/x.png: ")
        .contains(list + ":5 http:\\\\***@" + authority + "/x.png: ")
        .contains(list + ":6 http:***@" + authority + "/x.png: ")
        .contains(list + ":7 ***@" + authority + "/x.png: ");
    assertThat(Files.readString(report)).doesNotContain("s3cr3t");
    assertThat(Files.readAllLines(failed)).containsExactly(valid, tokenOnly);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed)))
        .isEqualTo("rw-------");
  }

  /** No control character but newlines, and tabs only where a stack trace indents a frame. */
  private static void assertNoRawControl(String text) {
    assertThat(RAW_CONTROL.matcher(text).find()).as(text).isFalse();
    assertThat(text.lines().map(l -> INDENT.matcher(l).replaceFirst("")))
        .as(text).noneMatch(l -> l.contains("\t"));
  }

  /**
   * Runs imgdl in-process with this JVM's standard error captured as well: in thread mode,
   * Logback writes there, not to the command's error stream.
   */
  private static Cli.Outcome runCapturingLogs(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
    try {
      Cli.Outcome run = Cli.run(args);
      return new Cli.Outcome(run.exitCode(), run.stdout(),
          run.stderr() + logs.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
