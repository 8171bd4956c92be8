package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.ParquetFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One huge value in a table costs its bytes once: the run ends cleanly in a 256 MiB heap. */
class HugeCaptionIT {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;

  @Test
  void aParquetRowWithA60MiBCaptionIsInvalidAndTheRunEndsWithItsReportIn256MiB()
      throws Exception {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    Path file = ParquetFiles.parquet(dir.resolve("big.parquet"),
        "message m { optional binary url (STRING); optional binary caption (STRING); }",
        List.of(row(server.url("/a.png"), "x".repeat(60 << 20)), row(server.url("/a.png"), "A")),
        CompressionCodecName.UNCOMPRESSED);
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");

    Process p = Forked.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", System.getProperty("imgdl.jar"), "-o", out.toString(),
        "--report", report.toString(), "--caption-col", "caption", "--mode", "thread",
        file.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).contains(file + ":1: column \"caption\" too long (over 256 KiB)")
        .doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode results = Cli.readJson(report).get("results");
    assertThat(results).extracting(r -> r.get("status").asText())
        .containsExactly("invalid", "downloaded");
    assertThat(Cli.files(out)).noneMatch(name -> name.startsWith(".imgdl-"));
  }

  private static Map<String, Object> row(String url, String caption) {
    Map<String, Object> row = new HashMap<>();
    row.put("url", url);
    row.put("caption", caption);
    return row;
  }
}
