package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import dev.imgdl.testing.ParquetFiles;
import dev.imgdl.testing.TableFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV and Parquet inputs and opt-outs through the built jar, in both worker modes. */
class TableInputIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();

  private record Outcome(int exitCode, String stderr, JsonNode report) {}

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/b.png").willReturn(aResponse().withBody(Images.gif())));
    server.stubFor(get("/c.png").willReturn(aResponse().withBody(Images.png())
        .withHeader("X-Robots-Tag", "otherbot: NoAI")));
  }

  private Outcome run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("imgdl.jar"), "-o", server.out().toString(),
        "--report", dir.resolve("report.json").toString()));
    command.addAll(List.of(args));
    Process p = Forked.builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path report = dir.resolve("report.json");
    return new Outcome(p.exitValue(), err,
        Files.exists(report) ? new ObjectMapper().readTree(report.toFile()) : null);
  }

  private static Map<String, Object> row(String url, String caption) {
    Map<String, Object> row = new HashMap<>();
    row.put("url", url);
    row.put("caption", caption);
    return row;
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aParquetTableIsDownloadedRowByRowWithOptOutsRefused(String mode) throws Exception {
    Path file = ParquetFiles.parquet(dir.resolve("data.parquet"),
        "message m { optional binary url (STRING); optional binary caption (STRING); }",
        List.of(row(server.url("/a.png"), "A"), row(null, "none"),
            row(server.url("/b.png"), null), row(server.url("/c.png"), "C")),
        CompressionCodecName.SNAPPY);

    Outcome outcome = run("--mode", mode, "-w", "2", "--caption-col", "caption",
        file.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
    JsonNode results = outcome.report().get("results");
    assertThat(results).extracting(r -> r.get("status").asText())
        .containsExactly("downloaded", "invalid", "downloaded", "failed");
    assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4);
    assertThat(results.get(3).get("error").asText())
        .isEqualTo("opted out (X-Robots-Tag: noai)");
    assertThat(outcome.stderr()).contains(file + ":2: no URL (column \"url\" is empty)");
    // Hadoop and Parquet say nothing of their own on the console.
    assertThat(outcome.stderr().lines().filter(l -> !l.startsWith(file.toString())
        && !l.startsWith("imgdl: ") && !l.startsWith("  ")).toList()).isEmpty();
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png", "b.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aCsvTableWithTheOptOutCheckOffSavesEverything(String mode) throws Exception {
    Path file = TableFiles.csv(dir.resolve("data.csv.gz"), ',', List.of("link", "text"),
        List.of(List.of(server.url("/a.png"), "two\nlines"), List.of(server.url("/c.png"), "c")));

    Outcome outcome = run("--mode", mode, "--url-col", "link",
        "--disallowed-header-directives=", file.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.report().get("results")).extracting(r -> r.get("line").asInt())
        .containsExactly(2, 4);
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png", "c.png");
  }

  @Test
  void aMissingColumnIsAUsageErrorAndNothingIsDownloaded() throws Exception {
    Path file = TableFiles.csv(dir.resolve("data.csv"), ',', List.of("a", "b", "c"),
        List.of(List.of(server.url("/a.png"), "x", "y")));

    Outcome outcome = run(file.toString());

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr().strip())
        .isEqualTo("imgdl: error: " + file + ": no column \"url\" (columns: a, b, c)");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aPlainListLoadsNoTableClasses() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), server.url("/a.png") + "\n");
    Process p = Forked.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-verbose:class", "-jar", System.getProperty("imgdl.jar"), "-q", "-o",
        dir.resolve("out").toString(), list.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String classes = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isZero();
    assertThat(classes).contains("dev.imgdl.core.input.InputReader")
        .doesNotContain("org.apache.parquet").doesNotContain("org.apache.hadoop")
        .doesNotContain("org.apache.commons.csv");
  }
}
