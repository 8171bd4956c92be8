package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code finalUrl}, the URL of an entry's last response when redirects led it elsewhere, in the
 * report and the shard metadata, in both modes (so across the pipe from a child JVM too).
 */
class FinalUrlTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  private Path list;

  @BeforeEach
  void serve() throws Exception {
    server.respond("/old.png", "HTTP/1.1 302 Found", List.of("Location: /cdn/new.png",
        "Content-Length: 0"), new byte[0]);
    server.png("/cdn/new.png");
    server.png("/direct.png");
    // A redirect to a Location with control characters, then a 404 there.
    server.respond("/gone.png", "HTTP/1.1 301 Moved Permanently",
        List.of("Location: /cdn/\u001b]0;pwned\u0007.png", "Content-Length: 0"), new byte[0]);
    list = Cli.list(dir, "l.txt", List.of(
        server.url("/old.png").replace("http://", "http://me:secret@"),
        server.url("/direct.png"),
        server.url("/gone.png")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theReportHasTheUrlOfTheLastResponseAfterRedirectsAndNullWithout(String mode) {
    Path report = dir.resolve("report.json");

    Cli.Outcome run = Cli.run("--mode", mode, "-o", dir.resolve("out").toString(),
        "--report", report.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode results = Cli.readJson(report).get("results");
    JsonNode moved = results.get(0);
    assertThat(moved.get("status").asText()).isEqualTo("downloaded");
    assertThat(moved.get("finalUrl").asText()).isEqualTo(server.url("/cdn/new.png"));
    List<String> names = new ArrayList<>();
    moved.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsSubsequence("httpStatus", "finalUrl", "attempts");
    assertThat(results.get(1).get("finalUrl").isNull()).isTrue();
    JsonNode gone = results.get(2);
    assertThat(gone.get("status").asText()).isEqualTo("failed");
    assertThat(gone.get("httpStatus").asInt()).isEqualTo(404);
    assertThat(gone.get("finalUrl").asText()).startsWith(server.url("/cdn/%1B"))
        .doesNotContainPattern("\\p{Cntrl}");
    assertThat(run.stdout() + run.stderr()).doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(Cli.readJson(report).toString()).doesNotContain("secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aWebdatasetMetadataRowHasTheUrlOfTheLastResponse(String mode) throws Exception {
    Path out = dir.resolve("out");

    Cli.Outcome run = Cli.run("--mode", mode, "-q", "--output-format", "webdataset",
        "--metadata", "jsonl", "-o", out.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("00000.jsonl"))) {
      rows.add(new ObjectMapper().readTree(line));
    }
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).get("finalUrl").asText()).isEqualTo(server.url("/cdn/new.png"));
    List<String> names = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(names::add);
    assertThat(names).containsSubsequence("contentType", "finalUrl", "error");
    assertThat(rows.get(1).get("finalUrl").isNull()).isTrue();
    assertThat(rows.get(2).get("finalUrl").asText()).startsWith(server.url("/cdn/%1B"));
  }
}
