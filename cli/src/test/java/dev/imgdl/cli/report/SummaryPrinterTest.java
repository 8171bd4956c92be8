package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryPrinterTest {

  @Test
  void aFailureLineNamesTheEntryWithCredentialsHiddenAndControlCharactersEscaped() {
    Entry entry = Entry.of(0, "list\u001b.txt", 7, "http://me:pa/ss@host/\u001b]0;x\u0007.png");
    Result result = Result.failed(0, 1, "connection error: 2\r\u001b[2K on http://u:p@host/x");
    assertThat(SummaryPrinter.failureLine(entry, result)).isEqualTo(
        "list\\x1b.txt:7 http://***@host/\\x1b]0;x\\x07.png: "
            + "connection error: 2\\r\\x1b[2K on http://***@host/x");
  }

  @Test
  void withoutVerboseTheTableOfWorkersThatDoNotDifferIsLeftOut() {
    String text = print(Mode.THREAD, false, false);
    assertThat(text.lines().toList()).containsExactly(
        "imgdl: 3 entries: 1 downloaded, 0 skipped, 1 failed, 1 invalid, 0 duplicate",
        "  19.5 KiB in 1.23 s: 0.8 images/s, 15.8 KiB/s; success ratio 0.333",
        "  mode thread, 2 workers, process peak memory 64 MiB");
  }

  @Test
  void workersDifferWhenOneFailsMoreThanTwiceAsOftenAndTenPointsMoreWithTenEntriesEach() {
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 10, 0), worker(1, 10, 2))))
        .isTrue();
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 100, 10), worker(1, 100, 21))))
        .isTrue();
    // One failure in ten is no pattern; twice as many but close is none either.
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 10, 0), worker(1, 10, 1))))
        .isFalse();
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 100, 5), worker(1, 100, 12))))
        .isFalse();
    // Too few entries to say, however they failed; one worker alone differs from none.
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 10, 0), worker(1, 9, 9))))
        .isFalse();
    assertThat(SummaryPrinter.workersDiffer(List.of(worker(0, 50, 50)))).isFalse();
  }

  @Test
  void workersThatDifferInFailuresShowTheTableWithoutVerbose() {
    RunRecord run = record(Mode.THREAD, List.of(worker(0, 10, 0), worker(1, 10, 6)));
    StringWriter text = new StringWriter();
    SummaryPrinter.print(run, false, false, new PrintWriter(text));
    assertThat(text.toString().lines().toList()).contains(
        "  worker  entries downloaded  skipped  failed      bytes  seconds",
        "       0       10         10        0       0        0 B     1.00",
        "       1       10          4        0       6        0 B     1.00");
  }

  private static RunRecord record(Mode mode, List<WorkerStats> workers) {
    return RunRecord.builder().mode(mode).workers(workers.size()).startedAt(Instant.EPOCH)
        .seconds(1).entries(List.of()).results(List.of()).workerStats(workers)
        .summary(Summary.of(List.of())).parentPeakRssBytes(0).build();
  }

  private static WorkerStats worker(int id, int entries, int failed) {
    return new WorkerStats(id, new Summary(Map.of(Status.DOWNLOADED, entries - failed,
        Status.FAILED, failed), 0), 1.0, 0, 0);
  }

  @Test
  void theThreadModeSummaryHasOneRowPerWorker() {
    String text = print(Mode.THREAD, false, true);
    assertThat(text.lines().toList()).containsExactly(
        "imgdl: 3 entries: 1 downloaded, 0 skipped, 1 failed, 1 invalid, 0 duplicate",
        "  19.5 KiB in 1.23 s: 0.8 images/s, 15.8 KiB/s; success ratio 0.333",
        "  mode thread, 2 workers, process peak memory 64 MiB",
        "  worker  entries downloaded  skipped  failed      bytes  seconds",
        "       0        1          1        0       0   19.5 KiB     0.80",
        "       1        1          0        0       1        0 B     1.20");
  }

  @Test
  void theProcessModeSummaryAddsEachChildsPidAndPeakMemory() {
    String text = print(Mode.PROCESS, true, true);
    assertThat(text.lines().toList()).containsExactly(
        "imgdl: INTERRUPTED, 3 entries: 1 downloaded, 0 skipped, 1 failed, 1 invalid, "
            + "0 duplicate",
        "  19.5 KiB in 1.23 s: 0.8 images/s, 15.8 KiB/s; success ratio 0.333",
        "  mode process, 2 workers, parent peak memory 64 MiB",
        "  worker  entries downloaded  skipped  failed      bytes  seconds      pid   peak RSS",
        "       0        1          1        0       0   19.5 KiB     0.80     4242     50 MiB",
        "       1        1          0        0       1        0 B     1.20        -          -");
  }

  private static String print(Mode mode, boolean interrupted, boolean verbose) {
    List<Entry> entries = List.of(Entry.of(0, "l.txt", 1, "http://h/a.jpg"),
        Entry.of(1, "l.txt", 2, "http://h/b.jpg"), Entry.of(2, "l.txt", 3, "x"));
    List<Result> results = List.of(
        Result.builder(0, Status.DOWNLOADED).file("a.jpg").bytes(20_000).sha256("ab")
            .contentType("image/jpeg").httpStatus(200).attempts(1).worker(0).millis(5).build(),
        Result.failed(1, 1, "HTTP 404"),
        Result.planned(2, Status.INVALID, "not an absolute URL (no scheme)"));
    boolean process = mode == Mode.PROCESS;
    WorkerStats w0 = new WorkerStats(0, new Summary(Map.of(Status.DOWNLOADED, 1), 20_000), 0.8,
        process ? 4242 : 0, process ? 50L << 20 : 0);
    WorkerStats w1 = new WorkerStats(1, new Summary(Map.of(Status.FAILED, 1), 0), 1.2, 0, 0);
    RunRecord run = RunRecord.builder()
        .mode(mode)
        .workers(2)
        .startedAt(Instant.EPOCH)
        .seconds(1.234)
        .entries(entries)
        .results(results)
        .workerStats(List.of(w0, w1))
        .summary(Summary.of(results))
        .parentPeakRssBytes(64L << 20)
        .build();
    StringWriter text = new StringWriter();
    SummaryPrinter.print(run, interrupted, verbose, new PrintWriter(text));
    return text.toString();
  }
}
