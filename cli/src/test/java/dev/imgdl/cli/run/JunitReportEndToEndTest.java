package dev.imgdl.cli.run;

import static dev.imgdl.testing.JunitXml.child;
import static dev.imgdl.testing.JunitXml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.core.result.FailureKind;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.JunitXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code --junit} on a real run, in both worker modes: valid against the JUnit schema the CI
 * reporters use, one suite per input and one case per entry as the JSON report has them, and
 * unbroken by what a hostile list line or server sends.
 */
class JunitReportEndToEndTest {
  private static final String STATUS_LINE = "HTTP/1.1 2\u001b]0;pwned\u0007\r\u001b[2Kfake";
  private static final String CONTENT_TYPE = "image/x\u001b[2K\u0007]]>\"<&\u009bbad";

  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aHostileListAndServerCannotBreakTheJunitReportWrittenBesideTheJsonReport(String mode)
      throws Exception {
    server.png("/ok.png");
    server.respond("/gone.png", "HTTP/1.1 404 Not Found", List.of(), new byte[0]);
    server.respond("/status.png",
        (STATUS_LINE + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    server.respond("/type.png", "HTTP/1.1 200 OK", List.of("Content-Type: " + CONTENT_TYPE),
        "hello".getBytes(StandardCharsets.UTF_8));
    String hostile = server.url("/q\u0001\"<&]]>%::.png").replace("http://",
        "http://user:secret@");
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/ok.png"), server.url("/gone.png"),
        server.url("/status.png"), server.url("/type.png"), hostile, "not a url",
        server.url("/ok.png")));
    // JSON can carry what UTF-8 cannot: a lone surrogate in a table's URL.
    Path table = dir.resolve("rows.jsonl");
    Files.writeString(table, "{\"url\": \"" + server.url("/x\\ud800.png") + "\"}\n");
    Path junit = dir.resolve("junit.xml");
    Path report = dir.resolve("report.json");

    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), "--mode", mode, "-w", "2",
        "--retries", "0", "--junit", junit.toString(), "--report", report.toString(),
        list.toString(), table.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    Document doc = JunitXml.read(junit);
    JsonNode json = Cli.readJson(report);
    JsonNode results = json.get("results");
    JsonNode summary = json.get("summary");
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo(summary.get("entries").asText())
        .isEqualTo("8");
    assertThat(root.getAttribute("failures")).isEqualTo(summary.get("failed").asText());
    assertThat(root.getAttribute("errors")).isEqualTo(summary.get("invalid").asText());
    assertThat(elements(doc, "testsuite")).extracting(s -> s.getAttribute("name"))
        .containsExactly(list.toString(), table.toString());
    assertThat(elements(doc, "testsuite")).extracting(s -> s.getAttribute("tests"))
        .containsExactly("7", "1");

    List<Element> cases = elements(doc, "testcase");
    assertThat(cases).hasSize(8);
    for (int i = 0; i < cases.size(); i++) {
      JsonNode r = results.get(i);
      Element c = cases.get(i);
      assertThat(c.getAttribute("name"))
          .startsWith(r.get("source").asText() + ":" + r.get("line").asInt() + " ");
      assertThat(c.getAttribute("time"))
          .isEqualTo(java.math.BigDecimal.valueOf(r.get("millis").asLong(), 3).toPlainString());
      Status status = Status.of(r.get("status").asText());
      Element failure = child(c, "failure");
      Element error = child(c, "error");
      if (status == Status.FAILED) {
        FailureKind kind = FailureKind.of(Result.failed(0, 0, r.get("error").asText()));
        assertThat(failure.getAttribute("type")).isEqualTo(kind.label());
      } else {
        assertThat(failure).isNull();
      }
      assertThat(error != null).isEqualTo(status == Status.INVALID);
      assertThat(child(c, "skipped") != null).isEqualTo(status == Status.DUPLICATE);
    }
    assertThat(child(cases.get(1), "failure").getAttribute("type")).isEqualTo("http");
    assertThat(child(cases.get(1), "failure").getAttribute("message"))
        .isEqualTo(list + ":2 " + server.url("/gone.png") + ": HTTP 404");
    assertThat(child(cases.get(2), "failure").getAttribute("type")).isEqualTo("connection");
    assertThat(child(cases.get(2), "failure").getAttribute("message"))
        .contains("status line: HTTP/1.1 2\\x1b]0;pwned\\x07\\r\\x1b[2Kfake");
    assertThat(child(cases.get(3), "failure").getAttribute("type")).isEqualTo("not-an-image");
    assertThat(child(cases.get(3), "failure").getAttribute("message"))
        .contains("not an image (server said image/x\\x1b[2k\\x07]]>\"<&\\u009bbad, "
            + "body is text)");
    assertThat(cases.get(4).getAttribute("name")).contains("***@")
        .contains("/q\\x01\"<&]]>%::.png").doesNotContain("secret");
    assertThat(child(cases.get(5), "error").getAttribute("type")).isEqualTo("invalid");
    assertThat(cases.get(7).getAttribute("name")).contains("/x\\ud800.png");
    String text = Files.readString(junit, StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("secret").doesNotContainPattern("[\\x00-\\x08\\x0b\\x1b]");
    assertThat(Cli.files(dir)).noneMatch(f -> f.startsWith(".imgdl-"));
  }
}
