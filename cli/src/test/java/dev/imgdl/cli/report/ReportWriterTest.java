package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import dev.imgdl.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  private static final String ERROR = "connection error: HTTP/1.1 2\u001b]0;pwned\u0007\r";
  private static final String TYPE = "image/x\u001b[2K\u009b";

  @TempDir Path dir;
  private final TempFiles temps = new TempFiles();

  /** A downloaded entry, a failed one with credentials and control characters, an invalid one. */
  static RunRecord record() {
    List<Entry> entries = List.of(
        Entry.of(0, "urls.txt", 1, "https://example.org/a.jpg"),
        Entry.of(1, "urls.txt", 3, "http://me:pa/ss@example.org/b.png"),
        Entry.of(2, "<stdin>", 1, "not a url"));
    List<Result> results = List.of(
        Result.builder(0, Status.DOWNLOADED).file("a.jpg").bytes(20_000).sha256("ab12")
            .contentType("image/jpeg").httpStatus(200).finalUrl("https://cdn.example.org/a.jpg")
            .attempts(1).worker(0).millis(35).width(640).height(480).build(),
        Result.builder(1, Status.FAILED).contentType(TYPE).httpStatus(503)
            .finalUrl("http://me:pa/ss@cdn.example.org/b.png").attempts(4).worker(1)
            .millis(1_200).error(ERROR + " on http://me:pa/ss@example.org/b.png").build(),
        Result.planned(2, Status.INVALID, "not an absolute URL (no scheme)"));
    WorkerStats w0 =
        new WorkerStats(0, new Summary(Map.of(Status.DOWNLOADED, 1), 20_000), 0.8, 100, 0);
    WorkerStats w1 = new WorkerStats(1, new Summary(Map.of(Status.FAILED, 1), 0), 1.2004, 100, 0);
    return RunRecord.builder()
        .mode(Mode.PROCESS)
        .workers(2)
        .startedAt(Instant.parse("2026-11-25T10:00:00Z"))
        .seconds(1.23456)
        .entries(entries)
        .results(results)
        .workerStats(List.of(w0, w1))
        .summary(Summary.of(results))
        .build();
  }

  private static JsonNode json(RunRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter.write(record, out);
    return new ObjectMapper().readTree(out.toByteArray());
  }

  @Test
  void writesTheRunTheSummaryAndEveryWorkerFieldByField() throws Exception {
    JsonNode json = json(record());
    assertThat(fieldNames(json)).containsExactly("version", "mode", "workers", "startedAt",
        "seconds", "summary", "workerStats", "results");
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("mode").asText()).isEqualTo("process");
    assertThat(json.get("workers").asInt()).isEqualTo(2);
    assertThat(json.get("startedAt").asText()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(json.get("seconds").decimalValue()).isEqualByComparingTo("1.235");
    JsonNode summary = json.get("summary");
    assertThat(summary.toString()).isEqualTo("{\"entries\":3,\"downloaded\":1,\"checked\":0,\"skipped\":0,"
        + "\"failed\":1,\"invalid\":1,\"duplicate\":0,\"bytes\":20000,"
        + "\"successRatio\":0.3333333333333333}");
    assertThat(json.get("workerStats").toString()).isEqualTo("[{\"id\":0,\"entries\":1,"
        + "\"downloaded\":1,\"checked\":0,\"skipped\":0,\"failed\":0,\"bytes\":20000,"
        + "\"seconds\":0.8},{\"id\":1,\"entries\":1,\"downloaded\":0,\"checked\":0,"
        + "\"skipped\":0,\"failed\":1,\"bytes\":0,"
        + "\"seconds\":1.2}]");
  }

  @Test
  void aListNotReadToTheEndIsMarkedInterruptedAtTheTop() throws Exception {
    RunRecord whole = record();
    RunRecord cut = whole.toBuilder().inputComplete(false).build();
    JsonNode json = json(cut);
    assertThat(fieldNames(json)).containsExactly("version", "mode", "workers", "startedAt",
        "seconds", "interrupted", "summary", "workerStats", "results");
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(json(whole).has("interrupted")).isFalse();
  }

  @Test
  void secondsAreWrittenWithThreeDecimals() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter.write(record(), out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"seconds\": 1.235,\n")
        .contains("\"seconds\": 0.800}")
        .contains("\"seconds\": 1.200}");
  }

  @Test
  void topLevelFieldsAndEachWorkerAndResultAreOneLineEach() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ReportWriter.write(record(), out);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).isEqualTo("{");
    assertThat(lines.get(1)).isEqualTo("  \"version\": 1,");
    assertThat(lines).filteredOn(l -> l.startsWith("    {\"id\": ")).hasSize(2);
    assertThat(lines).filteredOn(l -> l.startsWith("    {\"source\": ")).hasSize(3);
    assertThat(lines.get(lines.size() - 2)).isEqualTo("  ]");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("}");
  }

  @Test
  void writesEveryResultFieldByFieldWithNullsWhereNothingIsKnown() throws Exception {
    JsonNode results = json(record()).get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).toString()).isEqualTo("{\"source\":\"urls.txt\",\"line\":1,"
        + "\"url\":\"https://example.org/a.jpg\",\"status\":\"downloaded\",\"file\":\"a.jpg\","
        + "\"bytes\":20000,\"sha256\":\"ab12\",\"contentType\":\"image/jpeg\","
        + "\"httpStatus\":200,\"finalUrl\":\"https://cdn.example.org/a.jpg\",\"attempts\":1,"
        + "\"worker\":0,\"millis\":35,\"error\":null,"
        + "\"width\":640,\"height\":480,\"originalWidth\":null,\"originalHeight\":null,"
        + "\"originalSha256\":null,\"resumed\":false}");
    assertThat(results.get(2).toString()).isEqualTo("{\"source\":\"<stdin>\",\"line\":1,"
        + "\"url\":\"not a url\",\"status\":\"invalid\",\"file\":null,\"bytes\":0,"
        + "\"sha256\":null,\"contentType\":null,\"httpStatus\":null,\"finalUrl\":null,"
        + "\"attempts\":0,"
        + "\"worker\":null,\"millis\":0,\"error\":\"not an absolute URL (no scheme)\","
        + "\"width\":null,\"height\":null,\"originalWidth\":null,\"originalHeight\":null,"
        + "\"originalSha256\":null,\"resumed\":false}");
  }

  @Test
  void credentialsAreHiddenInUrlsAndErrorsAndOtherTextIsKeptExactly() throws Exception {
    JsonNode failed = json(record()).get("results").get(1);
    assertThat(failed.get("url").asText()).isEqualTo("http://***@example.org/b.png");
    assertThat(failed.get("error").asText())
        .isEqualTo(ERROR + " on http://***@example.org/b.png");
    assertThat(failed.get("finalUrl").asText()).isEqualTo("http://***@cdn.example.org/b.png");
    assertThat(failed.get("contentType").asText()).isEqualTo(TYPE);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("httpStatus").asInt()).isEqualTo(503);
    assertThat(failed.get("attempts").asInt()).isEqualTo(4);
    assertThat(failed.get("worker").asInt()).isEqualTo(1);
    assertThat(failed.get("millis").asInt()).isEqualTo(1_200);
  }

  @Test
  void theFileHoldsJsonEscapesNotRawControlCharacters() throws Exception {
    Path report = dir.resolve("report.json");
    ReportWriter.write(record(), report, temps);
    String text = Files.readString(report);
    assertThat(text).contains("\\u001B]0;pwned\\u0007\\r").doesNotContain("\u001b", "\r");
    assertThat(text).endsWith("}\n");
  }

  @Test
  void theReportIsWrittenThroughANewTemporaryFileThatIsGoneAfterwards() throws Exception {
    Path report = dir.resolve("report.json");
    Files.writeString(report, "old");
    ReportWriter.write(record(), report, temps);
    assertThat(Cli.readJson(report).get("version").asInt()).isEqualTo(1);
    assertThat(names(dir)).containsExactly("report.json");
  }

  @Test
  void aLinkPlantedAtTheOldPredictableTemporaryNameIsNeitherFollowedNorRemoved()
      throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    Path planted = dir.resolve(".imgdl-report-" + ProcessHandle.current().pid() + ".tmp");
    Files.createSymbolicLink(planted, victim);
    Path report = dir.resolve("report.json");
    ReportWriter.write(record(), report, temps);
    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(planted)).isTrue();
    assertThat(Files.isSymbolicLink(report)).isFalse();
    assertThat(Files.isRegularFile(report)).isTrue();
  }

  @Test
  void aLinkAtTheReportsPathIsReplacedByTheReportNotWrittenThrough() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    Path report = Files.createSymbolicLink(dir.resolve("report.json"), victim);
    ReportWriter.write(record(), report, temps);
    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(report)).isFalse();
    assertThat(Cli.readJson(report).get("version").asInt()).isEqualTo(1);
  }

  @Test
  void aRenameThatFailsLeavesNoTemporaryFileAndSaysWhy() throws Exception {
    Path report = Files.createDirectory(dir.resolve("report.json"));
    Files.writeString(report.resolve("inside"), "x");
    assertThatThrownBy(() -> ReportWriter.write(record(), report, temps))
        .isInstanceOf(IOException.class)
        .hasMessage("Is a directory");
    assertThat(names(dir)).containsExactly("report.json");
  }

  @Test
  void aMissingDirectoryFailsWithTheSystemsReasonAlone() {
    Path report = dir.resolve("gone").resolve("report.json");
    assertThatThrownBy(() -> ReportWriter.write(record(), report, temps))
        .isInstanceOf(IOException.class)
        .hasMessage("No such file or directory");
  }

  @Test
  void standardOutputThatFailsIsAnErrorWithTheCauseAndStopsAtOnce() {
    int[] writes = {0};
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        writes[0]++;
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        write(0);
      }
    };
    assertThatThrownBy(() ->
        ReportWriter.writeToStandardOutput(bigRecord(), new CheckedPrintStream(full)))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");
    // The failed block, and one more when the JSON writer is closed: not the whole report.
    assertThat(writes[0]).isLessThanOrEqualTo(2);
    assertThatThrownBy(() -> ReportWriter.writeToStandardOutput(record(),
        new PrintStream(full, true, StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessage("write error");
  }

  @Test
  void standardOutputThatWorksGetsTheWholeReport() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportWriter.writeToStandardOutput(record(), new CheckedPrintStream(bytes));
    assertThat(new ObjectMapper().readTree(bytes.toByteArray()).get("results")).hasSize(3);
  }

  /** A report of many kilobytes, more than the JSON writer's buffer. */
  private static RunRecord bigRecord() {
    RunRecord small = record();
    int n = 2_000;
    List<Entry> entries = Stream.iterate(0, i -> i + 1).limit(n)
        .map(i -> Entry.of(i, "urls.txt", i + 1, "https://example.org/" + i + ".jpg")).toList();
    List<Result> results = Stream.iterate(0, i -> i + 1).limit(n)
        .map(i -> Result.planned(i, Status.INVALID, "not an image")).toList();
    return small.toBuilder()
        .workers(1)
        .seconds(1)
        .entries(entries)
        .results(results)
        .workerStats(List.of())
        .summary(Summary.of(results))
        .build();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

}
