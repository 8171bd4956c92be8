package dev.imgdl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.core.result.FailureKind;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each complete webdataset shard has its {@code NNNNN_stats.json}, in both modes, whose counts are
 * what its metadata rows say (read back and counted here); a resume asks nothing for a complete
 * shard and leaves its stats as they were, gives a whole shard without stats (an older imgdl's)
 * its stats from the metadata without a request, and {@code --retry-failed} rewrites them.
 */
class ShardStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final byte[] png = Images.png();
  private final byte[] jpeg = Images.jpeg();
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/p0.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
    server.respond("/p2.jpg", "HTTP/1.1 200 OK", List.of("Content-Type: image/jpeg"), jpeg);
    server.respond("/missing.png", "HTTP/1.1 404 Not Found", List.of(), new byte[0]);
    server.respond("/page", "HTTP/1.1 200 OK", List.of("Content-Type: text/html"),
        Images.html());
    server.respond("/last.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
  }

  /** Shard 0: two downloads, an invalid line, a duplicate, an HTTP and a not-an-image failure. */
  private Path list() {
    return Cli.list(dir, "list.txt", List.of(server.url("/p0.png"), "not a url",
        server.url("/p2.jpg"), server.url("/p0.png"), server.url("/missing.png"),
        server.url("/page"), server.url("/last.png")));
  }

  private Cli.Outcome run(String mode, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "-q",
        "--output-format", "webdataset", "--shard-size", "6", "--metadata", "jsonl", "-o",
        out.toString()));
    args.addAll(List.of(more));
    args.add(list().toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void eachShardsStatsCountWhatItsMetadataSays(String mode) throws IOException {
    Path out = dir.resolve("out");
    Instant before = Instant.now();
    Cli.Outcome first = run(mode, out);

    assertThat(first.exitCode()).as(first.stderr()).isEqualTo(1);
    JsonNode stats = stats(out, 0);
    assertThat(stats.get("version").asInt()).isEqualTo(1);
    assertThat(stats.get("count").asInt()).isEqualTo(6);
    assertThat(stats.get("successes").asInt()).isEqualTo(2);
    assertThat(stats.get("failed_to_download").asInt()).isEqualTo(2);
    assertThat(stats.get("statuses").toString()).isEqualTo("{\"downloaded\":2,\"skipped\":0,"
        + "\"failed\":2,\"invalid\":1,\"duplicate\":1}");
    assertThat(stats.get("failure_kinds").toString())
        .isEqualTo("{\"http\":1,\"invalid\":1,\"not-an-image\":1}");
    assertThat(stats.get("status_dict").get("HTTP 404").asInt()).isEqualTo(1);
    assertThat(stats.get("status_dict").get("not an image (text/html)").asInt()).isEqualTo(1);
    assertThat(stats.get("status_dict").get("success").asInt()).isEqualTo(2);
    assertThat(stats.get("bytes").asLong()).isEqualTo(png.length + jpeg.length);
    Instant start = Instant.parse(stats.get("start_time").asText());
    Instant end = Instant.parse(stats.get("end_time").asText());
    assertThat(start).isAfterOrEqualTo(before.minusMillis(1)).isBeforeOrEqualTo(end);
    assertThat(stats.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
    assertMatchesMetadata(out, 0);
    assertMatchesMetadata(out, 1);
    assertThat(stats(out, 1).get("count").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void retryFailedRewritesTheStatsOfTheShardItChanges(String mode) throws IOException {
    Path out = dir.resolve("out");
    assertThat(run(mode, out).exitCode()).isEqualTo(1);
    server.respond("/missing.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);

    Cli.Outcome again = run(mode, out, "--retry-failed");

    assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
    JsonNode stats = stats(out, 0);
    assertThat(stats.get("statuses").toString()).isEqualTo("{\"downloaded\":3,\"skipped\":0,"
        + "\"failed\":1,\"invalid\":1,\"duplicate\":1}");
    assertThat(stats.get("bytes").asLong()).isEqualTo(2L * png.length + jpeg.length);
    assertMatchesMetadata(out, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aWholeShardWithoutStatsGetsThemFromItsMetadataWithoutARequest(String mode)
      throws IOException {
    Path out = dir.resolve("out");
    assertThat(run(mode, out).exitCode()).isEqualTo(1);
    byte[] second = Files.readAllBytes(out.resolve("00001_stats.json"));
    // What an imgdl before stats left: a tar and its metadata.
    Files.delete(out.resolve("00000_stats.json"));

    Cli.Outcome again = run(mode, out);

    assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
    assertThat(server.requests("/p0.png")).as("no request for a complete shard").isEqualTo(1);
    assertThat(server.requests("/missing.png")).isEqualTo(1);
    assertThat(server.requests("/last.png")).isEqualTo(1);
    JsonNode stats = stats(out, 0);
    assertThat(stats.get("count").asInt()).isEqualTo(6);
    assertThat(stats.get("start_time").isNull()).as("wall time unknown").isTrue();
    assertThat(stats.get("duration").isNull()).isTrue();
    assertMatchesMetadata(out, 0);
    assertThat(Files.readAllBytes(out.resolve("00001_stats.json")))
        .as("a complete shard's stats are left as they were").isEqualTo(second);
    assertThat(Cli.files(out)).containsExactly("00000.jsonl", "00000.tar",
        "00000_stats.json", "00001.jsonl", "00001.tar", "00001_stats.json",
        "imgdl-layout.json");
  }

  private static JsonNode stats(Path out, int shard) throws IOException {
    return JSON.readTree(out.resolve(String.format("%05d_stats.json", shard)).toFile());
  }

  /** The stats' counts against the shard's metadata rows, counted here. */
  private static void assertMatchesMetadata(Path out, int shard) throws IOException {
    Map<String, Integer> statuses = new TreeMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    long bytes = 0;
    List<String> rows = Files.readAllLines(out.resolve(String.format("%05d.jsonl", shard)));
    for (String line : rows) {
      JsonNode row = JSON.readTree(line);
      String status = row.get("status").asText();
      statuses.merge(status, 1, Integer::sum);
      if (status.equals("failed")) {
        kinds.merge(FailureKind.ofError(row.get("error").asText()).label(), 1, Integer::sum);
      } else if (status.equals("invalid")) {
        kinds.merge("invalid", 1, Integer::sum);
      } else if (status.equals("downloaded")) {
        bytes += row.get("bytes").asLong();
      }
    }
    JsonNode stats = stats(out, shard);
    assertThat(stats.get("count").asInt()).isEqualTo(rows.size());
    Map<String, Integer> counted = new TreeMap<>();
    stats.get("statuses").fields().forEachRemaining(f -> {
      if (f.getValue().asInt() > 0) {
        counted.put(f.getKey(), f.getValue().asInt());
      }
    });
    assertThat(counted).isEqualTo(statuses);
    Map<String, Integer> countedKinds = new TreeMap<>();
    stats.get("failure_kinds").fields()
        .forEachRemaining(f -> countedKinds.put(f.getKey(), f.getValue().asInt()));
    assertThat(countedKinds).isEqualTo(kinds);
    assertThat(stats.get("bytes").asLong()).isEqualTo(bytes);
    assertThat(stats.get("successes").asInt())
        .isEqualTo(statuses.getOrDefault("downloaded", 0));
  }
}
