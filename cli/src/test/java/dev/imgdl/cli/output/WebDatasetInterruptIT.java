package dev.imgdl.cli.output;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forks the built jar on a webdataset run, interrupts it once the first shard is written while
 * the others are still downloading, then runs the same command again: the interrupt leaves only
 * complete shards and no staging file, and the resumed run completes the rest without asking
 * again for the entries of the complete shard.
 */
class WebDatasetInterruptIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final int SLOW = 4;

  private final Path dir = server.dir();
  private Process imgdl;

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  private Process start(String mode, Path list, Path out, String report) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return Forked.builder(java, "-jar", System.getProperty("imgdl.jar"), "--mode", mode,
            "-w", "2", "--output-format", "webdataset", "--shard-size", "2", "-o",
            out.toString(), "--report", dir.resolve(report).toString(), "--no-progress",
            list.toString())
        .redirectError(dir.resolve(report + ".stderr").toFile())
        .redirectOutput(dir.resolve(report + ".stdout").toFile())
        .start();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anInterruptLeavesCompleteShardsOnlyAndTheSameCommandFinishesTheRest(String mode)
      throws Exception {
    byte[] fast = Images.png();
    byte[] slow = Images.bigPng(60);
    server.stubFor(get(urlMatching("/fast/.*")).willReturn(aResponse().withBody(fast)));
    server.stubFor(get(urlMatching("/slow/.*"))
        .willReturn(aResponse().withBody(slow).withChunkedDribbleDelay(50, 60_000)));
    List<String> lines = new ArrayList<>(List.of(server.baseUrl() + "/fast/0.png",
        server.baseUrl() + "/fast/1.png"));
    for (int i = 0; i < SLOW; i++) {
      lines.add(server.baseUrl() + "/slow/" + i + ".png");
    }
    Path list = Cli.list(dir, "list.txt", lines);
    Path out = dir.resolve("out");

    imgdl = start(mode, list, out, "r1.json");
    Await.until("shard 0 written", Duration.ofSeconds(30),
        () -> Files.exists(out.resolve("00000_stats.json")));
    Await.until("slow downloads in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() >= 2);
    new ProcessBuilder("kill", "-s", "INT", String.valueOf(imgdl.pid())).start().waitFor();
    assertThat(imgdl.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();

    assertThat(imgdl.exitValue()).as(Files.readString(dir.resolve("r1.json.stderr")))
        .isEqualTo(130);
    assertThat(Cli.files(out)).as("no stats, or any file, of the interrupted shard")
        .containsExactly("00000.parquet", "00000.tar", "00000_stats.json", "imgdl-layout.json");
    JsonNode results = Cli.readJson(dir.resolve("r1.json")).get("results");
    assertThat(results).hasSize(2 + SLOW);
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    assertThat(results.get(1).get("status").asText()).isEqualTo("downloaded");
    for (int i = 2; i < 2 + SLOW; i++) {
      assertThat(results.get(i).get("error").asText()).isEqualTo("interrupted");
    }

    server.stubFor(get(urlMatching("/slow/.*")).willReturn(aResponse().withBody(slow)));
    imgdl = start(mode, list, out, "r2.json");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).as("resumed run exited").isTrue();

    assertThat(imgdl.exitValue()).as(Files.readString(dir.resolve("r2.json.stderr"))).isZero();
    for (int i = 0; i < 2; i++) {
      assertThat(server.findAll(getRequestedFor(urlEqualTo("/fast/" + i + ".png"))))
          .as("requests for a complete shard's entry").hasSize(1);
    }
    assertThat(Cli.files(out)).containsExactly("00000.parquet", "00000.tar", "00000_stats.json",
        "00001.parquet", "00001.tar", "00001_stats.json", "00002.parquet", "00002.tar",
        "00002_stats.json", "imgdl-layout.json");
    for (int shard = 0; shard < 3; shard++) {
      Map<String, byte[]> members = TarMembers.read(out.resolve(String.format("%05d.tar", shard)));
      byte[] body = shard == 0 ? fast : slow;
      List<String> names = new ArrayList<>();
      for (int at = 0; at < 2; at++) {
        String key = String.format("%05d%04d", shard, at);
        names.add(key + ".png");
        names.add(key + ".json");
        assertThat(members.get(key + ".png")).isEqualTo(body);
        assertThat(new ObjectMapper().readTree(members.get(key + ".json")).get("sha256")
            .asText()).isEqualTo(Images.sha256(body));
      }
      assertThat(members.keySet()).containsExactlyElementsOf(names);
      try (ParquetFileReader metadata = ParquetFileReader.open(
          new LocalInputFile(out.resolve(String.format("%05d.parquet", shard))),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
        assertThat(metadata.getRecordCount()).as("metadata rows of shard %d", shard)
            .isEqualTo(2);
      }
    }
    JsonNode resumed = Cli.readJson(dir.resolve("r2.json")).get("results");
    assertThat(resumed.get(0).get("status").asText()).isEqualTo("skipped");
    assertThat(resumed.get(0).get("resumed").asBoolean()).isTrue();
    assertThat(resumed.get(2 + SLOW - 1).get("status").asText()).isEqualTo("downloaded");
  }
}
