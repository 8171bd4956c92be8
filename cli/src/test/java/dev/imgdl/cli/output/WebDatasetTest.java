package dev.imgdl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webdataset output in both modes: shards of three entries (invalid, duplicate and failed ones
 * included) checked member by member against the served bytes, one metadata row per entry, and
 * a resumed run that sends no request for a complete shard and rewrites an incomplete one,
 * reports what the complete shard's rows say (a failure stays one), retries failures with {@code
 * --retry-failed}, and refuses shards of another layout.
 */
class WebDatasetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final byte[] png = Images.png();
  private final byte[] jpeg = Images.jpeg();
  private final byte[] big = Images.bigPng(20);
  private final byte[] gif = Images.gif();
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/p0.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
    server.respond("/p2.jpg", "HTTP/1.1 200 OK", List.of("Content-Type: image/jpeg"), jpeg);
    server.respond("/big", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), big);
    server.respond("/missing.png", "HTTP/1.1 404 Not Found", List.of(), new byte[0]);
    server.respond("/g.gif", "HTTP/1.1 200 OK", List.of("Content-Type: image/gif"), gif);
  }

  private Cli.Outcome run(String mode, Path out, Path list, Path report, String... more) {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "-q",
        "--output-format", "webdataset", "--shard-size", "3", "--metadata", "jsonl", "-o",
        out.toString(), "--report", report.toString()));
    args.addAll(List.of(more));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void shardsHoldEveryDownloadAndARowPerEntryAndAResumeRedoesOnlyIncompleteShards(String mode)
      throws IOException {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/p0.png"), "not a url",
        server.url("/p2.jpg"), server.url("/p0.png"), server.url("/missing.png"),
        server.url("/big"), server.url("/g.gif")));
    Path out = dir.resolve("out");
    Cli.Outcome first = run(mode, out, list, dir.resolve("r1.json"));

    assertThat(first.exitCode()).as(first.stderr()).isEqualTo(1);
    checkShards(out);
    JsonNode results = Cli.readJson(dir.resolve("r1.json")).get("results");
    assertThat(results.get(0).get("file").asText()).isEqualTo("00000.tar/000000000.png");
    assertThat(results.get(5).get("file").asText()).isEqualTo("00001.tar/000010002.png");
    assertThat(results.get(5).get("width").asInt()).isEqualTo(20);
    assertThat(results.get(5).get("height").asInt()).isEqualTo(20);

    // A crash between the renames of shard 1, and before any of shard 2.
    Files.delete(out.resolve("00001.jsonl"));
    Files.delete(out.resolve("00001_stats.json"));
    Files.delete(out.resolve("00002.tar"));
    Files.delete(out.resolve("00002.jsonl"));
    Files.delete(out.resolve("00002_stats.json"));
    // What a killed run leaves: a staged download and a shard half written.
    Files.write(out.resolve(".imgdl-deadbeef-stage-000010002.png"), big);
    Files.write(out.resolve(".imgdl-deadbeef-shard-00001.tar"), new byte[10]);
    Cli.Outcome second = run(mode, out, list, dir.resolve("r2.json"));

    assertThat(second.exitCode()).as(second.stderr()).isEqualTo(1);
    assertThat(server.requests("/p0.png")).as("complete shard 0 not asked again").isEqualTo(1);
    assertThat(server.requests("/p2.jpg")).isEqualTo(1);
    assertThat(server.requests("/big")).isEqualTo(2);
    assertThat(server.requests("/missing.png")).isEqualTo(2);
    assertThat(server.requests("/g.gif")).isEqualTo(2);
    checkShards(out);
    JsonNode again = Cli.readJson(dir.resolve("r2.json")).get("results");
    List<String> statuses = new ArrayList<>();
    again.forEach(r -> statuses.add(r.get("status").asText()));
    assertThat(statuses).containsExactly("skipped", "invalid", "skipped", "duplicate", "failed",
        "downloaded", "downloaded");
    assertThat(again.get(0).get("file").asText()).isEqualTo("00000.tar");
    assertThat(again.get(0).get("resumed").asBoolean()).isTrue();
    assertThat(again.get(5).get("resumed").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aFailedEntryOfACompleteShardIsReportedFailedAgainOnAResume(String mode)
      throws IOException {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/p0.png"),
        server.url("/missing.png")));
    Path out = dir.resolve("out");
    assertThat(run(mode, out, list, dir.resolve("r1.json")).exitCode()).isEqualTo(1);

    Path failed = dir.resolve("failed.txt");
    Cli.Outcome again = run(mode, out, list, dir.resolve("r2.json"), "--failed",
        failed.toString());

    assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
    assertThat(server.requests("/missing.png")).as("no request for a complete shard")
        .isEqualTo(1);
    JsonNode report = Cli.readJson(dir.resolve("r2.json"));
    JsonNode missing = report.get("results").get(1);
    assertThat(missing.get("status").asText()).isEqualTo("failed");
    assertThat(missing.get("error").asText()).isEqualTo("HTTP 404");
    assertThat(missing.get("attempts").asInt()).isZero();
    assertThat(missing.get("resumed").asBoolean()).isTrue();
    assertThat(report.get("results").get(0).get("status").asText()).isEqualTo("skipped");
    assertThat(report.get("summary").get("failed").asInt()).isEqualTo(1);
    assertThat(report.get("summary").get("successRatio").asDouble()).isEqualTo(0.5);
    assertThat(Files.readAllLines(failed)).containsExactly(server.url("/missing.png"));
    assertThat(again.stderr()).contains("HTTP 404");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void retryFailedDownloadsAFailedEntryAgainAndKeepsTheOtherMembersByteForByte(String mode)
      throws IOException {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/p0.png"),
        server.url("/later.gif"), server.url("/p2.jpg")));
    Path out = dir.resolve("out");
    server.respond("/later.gif", "HTTP/1.1 503 Service Unavailable", List.of(), new byte[0]);
    assertThat(run(mode, out, list, dir.resolve("r1.json"), "--retries", "0").exitCode())
        .isEqualTo(1);
    Map<String, byte[]> before = TarMembers.read(out.resolve("00000.tar"));

    server.respond("/later.gif", "HTTP/1.1 200 OK", List.of("Content-Type: image/gif"), gif);
    Cli.Outcome retried = run(mode, out, list, dir.resolve("r2.json"), "--retry-failed");

    assertThat(retried.exitCode()).as(retried.stderr()).isZero();
    assertThat(server.requests("/p0.png")).isEqualTo(1);
    assertThat(server.requests("/p2.jpg")).isEqualTo(1);
    Map<String, byte[]> after = TarMembers.read(out.resolve("00000.tar"));
    assertThat(after.keySet()).containsExactly("000000000.png", "000000000.json",
        "000000001.gif", "000000001.json", "000000002.jpg", "000000002.json");
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    assertThat(after.get("000000001.gif")).isEqualTo(gif);
    assertThat(rows(out.resolve("00000.jsonl"), "status")).containsExactly("downloaded",
        "downloaded", "downloaded");
    assertThat(rows(out.resolve("00000.jsonl"), "sha256")).containsExactly(Images.sha256(png),
        Images.sha256(gif), Images.sha256(jpeg));
    JsonNode results = Cli.readJson(dir.resolve("r2.json")).get("results");
    assertThat(results.get(1).get("status").asText()).isEqualTo("downloaded");
    assertThat(results.get(1).get("file").asText()).isEqualTo("00000.tar/000000001.gif");
    assertThat(results.get(1).get("resumed").asBoolean()).isFalse();
    assertThat(results.get(0).get("resumed").asBoolean()).isTrue();
    assertThat(Cli.files(out)).containsExactly("00000.jsonl", "00000.tar", "00000_stats.json",
        "imgdl-layout.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void retryFailedLeavesOptOutsAndInvalidEntriesAsTheyWere(String mode) throws IOException {
    server.respond("/optout.png", "HTTP/1.1 200 OK",
        List.of("Content-Type: image/png", "X-Robots-Tag: noai"), png);
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/p0.png"), "not a url",
        server.url("/optout.png")));
    Path out = dir.resolve("out");
    assertThat(run(mode, out, list, dir.resolve("r1.json")).exitCode()).isEqualTo(1);
    byte[] tar = Files.readAllBytes(out.resolve("00000.tar"));
    byte[] metadata = Files.readAllBytes(out.resolve("00000.jsonl"));

    Cli.Outcome again = run(mode, out, list, dir.resolve("r2.json"), "--retry-failed");

    assertThat(again.exitCode()).as(again.stderr()).isEqualTo(1);
    assertThat(server.requests("/optout.png")).isEqualTo(1);
    assertThat(Files.readAllBytes(out.resolve("00000.tar"))).as("shard not rewritten")
        .isEqualTo(tar);
    assertThat(Files.readAllBytes(out.resolve("00000.jsonl"))).isEqualTo(metadata);
    JsonNode results = Cli.readJson(dir.resolve("r2.json")).get("results");
    assertThat(results.get(1).get("status").asText()).isEqualTo("invalid");
    assertThat(results.get(2).get("status").asText()).isEqualTo("failed");
    assertThat(results.get(2).get("error").asText())
        .isEqualTo("opted out (X-Robots-Tag: noai)");
    assertThat(results.get(2).get("resumed").asBoolean()).isTrue();
  }

  @Test
  void aResumeWithAnotherShardSizeIsAUsageErrorThatChangesNothingUnlessOverwrite()
      throws IOException {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/p0.png"), server.url("/p2.jpg"),
        server.url("/big"), server.url("/g.gif")));
    Path out = dir.resolve("out");
    Cli.Outcome first = Cli.run("-q", "--output-format", "webdataset", "--shard-size", "2",
        "-o", out.toString(), list.toString());
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    Map<String, byte[]> written = contents(out);

    Cli.Outcome wider = Cli.run("-q", "--output-format", "webdataset", "--shard-size", "4",
        "-o", out.toString(), list.toString());

    assertThat(wider.exitCode()).isEqualTo(2);
    assertThat(wider.stderr()).isEqualTo("imgdl: error: " + out + "/ holds shards of 2 entries"
        + " (--shard-size 2); this run asks for 4: use the same --shard-size, or --overwrite\n");
    assertThat(server.requests("/p0.png")).isEqualTo(1);
    Map<String, byte[]> after = contents(out);
    assertThat(after).containsOnlyKeys(written.keySet());
    written.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));

    Cli.Outcome otherMetadata = Cli.run("-q", "--output-format", "webdataset", "--shard-size",
        "2", "--metadata", "jsonl", "-o", out.toString(), list.toString());
    assertThat(otherMetadata.exitCode()).isEqualTo(2);
    assertThat(otherMetadata.stderr()).contains("holds shards with parquet metadata");
    Cli.Outcome files = Cli.run("-q", "-o", out.toString(), list.toString());
    assertThat(files.exitCode()).isEqualTo(2);
    assertThat(files.stderr()).contains("holds webdataset shards");

    // Shards an older imgdl wrote, without a record: their layout shows in them.
    Files.delete(out.resolve(LAYOUT_RECORD));
    Cli.Outcome older = Cli.run("-q", "--output-format", "webdataset", "--shard-size", "4",
        "-o", out.toString(), list.toString());
    assertThat(older.exitCode()).isEqualTo(2);
    assertThat(older.stderr()).contains("holds shards of 2 entries");
    assertThat(server.requests("/p0.png")).isEqualTo(1);

    Cli.Outcome overwrite = Cli.run("-q", "--output-format", "webdataset", "--shard-size", "4",
        "--overwrite", "-o", out.toString(), list.toString());
    assertThat(overwrite.exitCode()).as(overwrite.stderr()).isZero();
    assertThat(TarMembers.read(out.resolve("00000.tar"))).hasSize(8);
    assertThat(Files.readString(out.resolve(LAYOUT_RECORD))).contains("\"shardSize\":4");
    Cli.Outcome resumed = Cli.run("-q", "--output-format", "webdataset", "--shard-size", "4",
        "-o", out.toString(), list.toString());
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(server.requests("/p0.png")).isEqualTo(2);
  }

  private static final String LAYOUT_RECORD = "imgdl-layout.json";

  private static Map<String, byte[]> contents(Path out) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    for (String name : Cli.files(out)) {
      files.put(name, Files.readAllBytes(out.resolve(name)));
    }
    return files;
  }

  private void checkShards(Path out) throws IOException {
    assertThat(Cli.files(out)).containsExactly("00000.jsonl", "00000.tar", "00000_stats.json",
        "00001.jsonl", "00001.tar", "00001_stats.json", "00002.jsonl", "00002.tar",
        "00002_stats.json", "imgdl-layout.json");
    Map<String, byte[]> shard0 = TarMembers.read(out.resolve("00000.tar"));
    assertThat(shard0.keySet()).containsExactly("000000000.png", "000000000.json",
        "000000002.jpg", "000000002.json");
    assertThat(shard0.get("000000000.png")).isEqualTo(png);
    assertThat(shard0.get("000000002.jpg")).isEqualTo(jpeg);
    JsonNode meta = JSON.readTree(shard0.get("000000000.json"));
    assertThat(meta.get("sha256").asText()).isEqualTo(Images.sha256(png));
    assertThat(meta.get("url").asText()).isEqualTo(server.url("/p0.png"));
    assertThat(meta.get("width").asInt()).isEqualTo(4);
    assertThat(meta.get("height").asInt()).isEqualTo(3);
    assertThat(rows(out.resolve("00000.jsonl"), "key")).containsExactly("000000000",
        "000000001", "000000002");
    assertThat(rows(out.resolve("00000.jsonl"), "status")).containsExactly("downloaded",
        "invalid", "downloaded");

    Map<String, byte[]> shard1 = TarMembers.read(out.resolve("00001.tar"));
    assertThat(shard1.keySet()).containsExactly("000010002.png", "000010002.json");
    assertThat(shard1.get("000010002.png")).isEqualTo(big);
    assertThat(JSON.readTree(shard1.get("000010002.json")).get("sha256").asText())
        .isEqualTo(Images.sha256(big));
    assertThat(rows(out.resolve("00001.jsonl"), "status")).containsExactly("duplicate",
        "failed", "downloaded");
    assertThat(rows(out.resolve("00001.jsonl"), "error")).containsExactly(
        "duplicate of " + dir.resolve("list.txt") + ":1", "HTTP 404", "null");
    assertThat(rows(out.resolve("00001.jsonl"), "bytes")).containsExactly("0", "0",
        String.valueOf(big.length));

    Map<String, byte[]> shard2 = TarMembers.read(out.resolve("00002.tar"));
    assertThat(shard2.keySet()).containsExactly("000020000.gif", "000020000.json");
    assertThat(shard2.get("000020000.gif")).isEqualTo(gif);
    assertThat(rows(out.resolve("00002.jsonl"), "key")).containsExactly("000020000");
  }

  private static List<String> rows(Path jsonl, String column) throws IOException {
    List<String> values = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      values.add(JSON.readTree(line).get(column).asText());
    }
    return values;
  }
}
