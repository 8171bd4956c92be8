package dev.imgdl.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shard written from staged files: the tar's members (image, caption, per-entry JSON) and
 * the JSON-lines metadata (Parquet: ParquetMetadataTest in the parquet module); nothing
 * temporary left behind.
 */
class ShardWriterTest {
  private static final ShardKeys KEYS = new ShardKeys(3);

  @TempDir Path dir;

  private static final byte[] IMAGE = {1, 2, 3, 4, 5};

  static List<Map<String, Object>> rows() {
    Map<String, Object> saved = new LinkedHashMap<>();
    saved.put("license", "cc-by");
    saved.put("score", 0.5);
    saved.put("status", "original");
    Entry downloaded = Entry.builder(3, "in.csv", 4, "http://u:pw@example.org/a.png")
        .caption("a red square").saved(saved).build();
    Entry failed = Entry.builder(4, "in.csv", 5, "http://example.org/b.png")
        .saved(Map.of("license", "cc0", "score", 2L)).build();
    return List.of(
        MetadataRow.of(KEYS.key(3), downloaded, Result.builder(3, Status.DOWNLOADED).file("x")
            .bytes(5).sha256("ab").contentType("image/png").httpStatus(200)
            .finalUrl("http://user:pw@cdn.example.org/a.png").attempts(1).worker(0).millis(1)
            .width(4).height(3).build()),
        MetadataRow.of(KEYS.key(4), failed, Result.failed(4, 1, "HTTP 404")));
  }

  private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05Z");

  /** One shard (number 1) of {@link #rows()} in {@code dir}, one entry downloaded. */
  static void write(Path dir, OutputLayout.Metadata format) throws IOException {
    Path staged = Files.write(dir.resolve(".imgdl-run-stage-000010000.png"), IMAGE);
    List<Map<String, Object>> rows = rows();
    ShardWriter writer = new ShardWriter(dir, "run", new TempFiles(), KEYS, format);
    writer.write(1, List.of(new ShardWriter.Member(KEYS.key(3), "png", staged, "a red square",
        JsonlMetadata.object(rows.get(0)))), rows, STARTED, () -> false);
    Files.delete(staged);
  }

  @Test
  void theTarHoldsImageCaptionAndJsonPerDownloadedEntry() throws IOException {
    write(dir, OutputLayout.Metadata.JSONL);
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(dir.resolve("00001.tar"));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        members.put(e.getName(), tar.readAllBytes());
      }
    }
    assertThat(members.keySet()).containsExactly("000010000.png", "000010000.txt",
        "000010000.json");
    assertThat(members.get("000010000.png")).isEqualTo(IMAGE);
    assertThat(new String(members.get("000010000.txt"), StandardCharsets.UTF_8))
        .isEqualTo("a red square");
    assertThat(new String(members.get("000010000.json"), StandardCharsets.UTF_8))
        .startsWith("{\"key\":\"000010000\",\"url\":\"http://***@example.org/a.png\","
            + "\"caption\":\"a red square\",\"license\":\"cc-by\",\"score\":0.5,"
            + "\"saved.status\":\"original\",\"status\":\"downloaded\"")
        .contains("\"width\":4,\"height\":3");
    assertThat(Files.readAllLines(dir.resolve("00001.jsonl"))).hasSize(2);
    // The result fields after the saved columns, in the report's order.
    assertThat(Files.readAllLines(dir.resolve("00001.jsonl")).get(1)).endsWith(","
        + "\"status\":\"failed\",\"bytes\":0,\"sha256\":null,\"contentType\":null,"
        + "\"finalUrl\":null,\"error\":\"HTTP 404\",\"width\":null,\"height\":null,"
        + "\"originalWidth\":null,\"originalHeight\":null,\"originalSha256\":null}");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("00001.tar", "00001.jsonl", "00001_stats.json");
    }
  }

  @Test
  void eachMemberIsOneClassicHeaderAndItsPaddedBytesWithNoExtendedHeader() throws IOException {
    write(dir, OutputLayout.Metadata.JSONL);
    long members = 0;
    long expected = 0;
    try (InputStream in = Files.newInputStream(dir.resolve("00001.tar"));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        members++;
        expected += 512 + (e.getSize() + 511) / 512 * 512;
      }
    }
    assertThat(members).isEqualTo(3);
    // The members, then the two end-of-archive blocks: no extended header anywhere.
    assertThat(Files.size(dir.resolve("00001.tar"))).isEqualTo(expected + 1024);
  }

  @Test
  void aShardIsCompleteOnlyWithBothFiles() throws IOException {
    // Parquet's case: ParquetMetadataTest in the parquet module.
    aShardIsCompleteOnlyWithBothFiles(dir, OutputLayout.Metadata.JSONL);
  }

  static void aShardIsCompleteOnlyWithBothFiles(Path dir, OutputLayout.Metadata format)
      throws IOException {
    CompleteShards complete = new CompleteShards(dir, KEYS, format);
    assertThat(complete.complete(1)).isFalse();
    write(dir, format);
    assertThat(complete.complete(1)).isTrue();
    Files.delete(dir.resolve(KEYS.stats(1)));
    assertThat(complete.complete(1)).as("a shard without its stats").isFalse();
    assertThat(complete.whole(1)).as("but whole: an older imgdl's").isTrue();
    Files.delete(dir.resolve(KEYS.metadata(1, format)));
    assertThat(complete.whole(1)).as("a tar without its metadata").isFalse();
  }

  @Test
  void theStatsCountTheRowsAndTimeTheShardFromItsStart() throws IOException {
    write(dir, OutputLayout.Metadata.JSONL);

    String stats = oneLine(dir.resolve("00001_stats.json"));
    assertThat(stats).startsWith("{\"version\" : 1,\"count\" : 2,\"successes\" : 1,"
        + "\"failed_to_download\" : 1,\"failed_to_resize\" : 0,\"statuses\" : {"
        + "\"downloaded\" : 1,\"skipped\" : 0,\"failed\" : 1,\"invalid\" : 0,"
        + "\"duplicate\" : 0},\"failure_kinds\" : {\"http\" : 1},\"status_dict\" : {"
        + "\"HTTP 404\" : 1,\"success\" : 1},\"bytes\" : 5,\"start_time\" : \""
        + STARTED + "\",\"end_time\" : \"");
    assertThat(stats).matches(".*\"duration\" : [0-9.]+}");
  }

  @Test
  void imagesTheShapingStepRefusedCountAsFailedToResizeAsImg2datasetCountsThem() {
    List<Map<String, Object>> rows = List.of(
        Map.of("status", "failed", "error", "too small: 12x40 (min 64)"),
        Map.of("status", "failed", "error", "cannot decode svg"),
        Map.of("status", "failed", "error", "HTTP 404"),
        Map.of("status", "downloaded", "bytes", 5));

    String stats = new String(ShardStats.json(rows, null, null), StandardCharsets.UTF_8)
        .replaceAll("\\s*\n\\s*", "");
    assertThat(stats).contains("\"failed_to_download\" : 1,\"failed_to_resize\" : 2,")
        .contains("\"failure_kinds\" : {\"filtered\" : 1,\"http\" : 1,\"resize\" : 1}");
  }

  @Test
  void statsWrittenLaterFromTheMetadataHaveNoWallTime() throws IOException {
    write(dir, OutputLayout.Metadata.JSONL);
    Path stats = dir.resolve(KEYS.stats(1));
    Files.delete(stats);

    new ShardWriter(dir, "run2", new TempFiles(), KEYS, OutputLayout.Metadata.JSONL)
        .writeStats(1, ShardRows.read(dir.resolve("00001.jsonl"), OutputLayout.Metadata.JSONL)
            .rows());

    assertThat(oneLine(stats)).contains("\"count\" : 2,").contains("\"bytes\" : 5,")
        .endsWith("\"start_time\" : null,\"end_time\" : null,\"duration\" : null}");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("00001.tar", "00001.jsonl", "00001_stats.json");
    }
  }

  /** A pretty-printed JSON file on one line. */
  private static String oneLine(Path file) throws IOException {
    return Files.readString(file).replaceAll("\\n\\s*", "");
  }

  @Test
  void keysHaveEnoughDigitsForTheShardSize() {
    assertThat(new ShardKeys(10_000).key(10_042)).isEqualTo("000010042");
    assertThat(new ShardKeys(3).key(7)).isEqualTo("000020001");
    assertThat(new ShardKeys(100_000).key(100_042)).isEqualTo("0000100042");
  }
}
