package dev.imgdl.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.WorkerStats;
import dev.imgdl.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CollectorTest {
  private final List<Result> heard = new CopyOnWriteArrayList<>();
  private final BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();

  private static Result downloaded(int index, int worker, long bytes) {
    return Result.builder(index, Status.DOWNLOADED).file(index + ".png").bytes(bytes).sha256("ab")
        .contentType("image/png").httpStatus(200).attempts(1).worker(worker).millis(5).build();
  }

  private static Result skipped(int index, int worker, long bytes) {
    return Result.builder(index, Status.SKIPPED).file(index + ".png").bytes(bytes).worker(worker)
        .build();
  }

  private static WorkerEvent finished(Result result) {
    return new WorkerEvent.Finished(result);
  }

  private static WorkerEvent exited(int worker) {
    return new WorkerEvent.Exited(worker, 1000 + worker, 0, 0.5);
  }

  private static long millisFromNow(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static void assertTally(WorkerStats stats, int entries, int downloaded, int skipped,
      int failed, long bytes) {
    assertThat(stats.entries()).as("entries of worker %d", stats.id()).isEqualTo(entries);
    assertThat(stats.downloaded()).as("downloaded by %d", stats.id()).isEqualTo(downloaded);
    assertThat(stats.skipped()).as("skipped by %d", stats.id()).isEqualTo(skipped);
    assertThat(stats.failed()).as("failed by %d", stats.id()).isEqualTo(failed);
    assertThat(stats.bytes()).as("bytes of %d", stats.id()).isEqualTo(bytes);
  }

  @Test
  void eachResultIsFiledAtItsIndexAndTalliedForItsWorker() {
    Collector collector = new Collector(new Result[6], 3, heard::add);
    List<Result> sent = List.of(
        downloaded(3, 1, 30),
        downloaded(0, 0, 100),
        Result.failed(1, 1, "HTTP 404"),
        skipped(2, 0, 50),
        downloaded(4, 0, 7),
        Result.failed(5, 0, "timeout after 30s"));
    sent.forEach(r -> collector.accept(finished(r)));

    List<Result> results = collector.results();
    for (Result r : sent) {
      assertThat(results.get(r.index())).isSameAs(r);
    }
    assertThat(heard).containsExactlyElementsOf(sent);
    List<WorkerStats> stats = collector.stats();
    assertThat(stats).extracting(WorkerStats::id).containsExactly(0, 1, 2);
    // Only downloaded bytes count, as in the summary: a skipped file cost nothing.
    assertTally(stats.get(0), 4, 2, 1, 1, 107);
    assertTally(stats.get(1), 2, 1, 0, 1, 30);
    assertTally(stats.get(2), 0, 0, 0, 0, 0);
  }

  @Test
  void aSecondResultForTheSameEntryIsIgnored() {
    Collector collector = new Collector(new Result[2], 1, heard::add);
    Result first = downloaded(0, 0, 100);
    collector.accept(finished(first));
    // A restarted child, or a dead child's leftovers, can report an entry once more.
    collector.accept(finished(Result.failed(0, 0, "worker 0 exited with code 137")));
    collector.accept(finished(downloaded(0, 0, 100)));

    assertThat(collector.results().get(0)).isSameAs(first);
    assertThat(heard).containsExactly(first);
    assertTally(collector.stats().get(0), 1, 1, 0, 0, 100);
  }

  @Test
  void aWorkerResultForAnEntryDecidedWhilePlanningIsIgnored() {
    Result duplicate = Result.planned(0, Status.DUPLICATE, "same URL as line 1");
    Collector collector = new Collector(new Result[] {duplicate, null}, 1, heard::add);
    collector.accept(finished(downloaded(0, 0, 100)));

    assertThat(collector.results().get(0)).isSameAs(duplicate);
    assertThat(heard).isEmpty();
    assertTally(collector.stats().get(0), 0, 0, 0, 0, 0);
  }

  @Test
  void resultsWithoutAWorkerAreFiledButNotTallied() {
    Collector collector = new Collector(new Result[3], 2, heard::add);
    Result invalid = Result.planned(0, Status.INVALID, "not an http(s) URL");
    Result interrupted = Result.failed(1, null, "interrupted");
    collector.accept(finished(invalid));
    collector.accept(finished(interrupted));

    assertThat(collector.results()).containsExactly(invalid, interrupted, null);
    assertThat(heard).containsExactly(invalid, interrupted);
    for (WorkerStats stats : collector.stats()) {
      assertTally(stats, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void collectReturnsTrueOnceEveryStartedWorkerExited() {
    Collector collector = new Collector(new Result[3], 3, heard::add);
    events.addAll(List.of(finished(downloaded(0, 0, 1)), exited(0),
        finished(downloaded(1, 1, 2)), finished(downloaded(2, 0, 3)), exited(1)));

    // Two of three workers started: the third exiting is not waited for.
    assertThat(collector.collect(events, 2, millisFromNow(10_000))).isTrue();

    assertThat(collector.results()).doesNotContainNull();
    assertThat(collector.stats().get(0).pid()).isEqualTo(1000);
    assertThat(collector.stats().get(0).seconds()).isEqualTo(0.5);
    assertThat(collector.stats().get(1).pid()).isEqualTo(1001);
    assertThat(collector.stats().get(2).pid()).isZero();
  }

  @Test
  void collectKeepsWaitingWhileAStartedWorkerHasNotExited() throws Exception {
    Collector collector = new Collector(new Result[2], 2, heard::add);
    events.addAll(List.of(finished(downloaded(0, 0, 1)), exited(0),
        finished(downloaded(1, 1, 2))));
    CompletableFuture<Boolean> collecting =
        CompletableFuture.supplyAsync(() -> collector.collect(events, 2, millisFromNow(30_000)));

    Await.until("both results heard", Duration.ofSeconds(10), () -> heard.size() == 2);
    // Every result is in, but worker 1 has not said it is done.
    assertThat(collecting).isNotDone();
    events.add(exited(1));
    assertThat(collecting.get(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void collectReturnsFalseAtItsDeadlineWhenAWorkerNeverExits() {
    Collector collector = new Collector(new Result[2], 2, heard::add);
    events.addAll(List.of(finished(downloaded(0, 0, 1)), exited(0),
        finished(downloaded(1, 1, 2))));
    long deadline = millisFromNow(30);

    assertThat(collector.collect(events, 2, deadline)).isFalse();

    assertThat(System.nanoTime()).as("returned at, not before, the deadline")
        .isGreaterThanOrEqualTo(deadline);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline))
        .as("ms late").isLessThan(2_000);
    assertThat(collector.results()).doesNotContainNull();
    // The worker that did not exit yet can still end the collection later.
    events.add(exited(1));
    assertThat(collector.collect(events, 2, millisFromNow(10_000))).isTrue();
  }

  @Test
  void collectFilesWhatAlreadyArrivedEvenWhenItsDeadlineHasPassed() {
    Collector collector = new Collector(new Result[2], 1, heard::add);
    events.addAll(List.of(finished(downloaded(0, 0, 1)), finished(downloaded(1, 0, 2))));

    assertThat(collector.collect(events, 1, System.nanoTime() - 1)).isFalse();

    assertThat(collector.results()).doesNotContainNull();
    assertThat(heard).hasSize(2);
    assertThat(events).isEmpty();
  }

  @Test
  void collectWithNoStartedWorkerReturnsAtOnce() {
    Collector collector = new Collector(new Result[0], 4, heard::add);
    assertThat(collector.collect(events, 0, System.nanoTime() - 1)).isTrue();
  }

  @Test
  void thePlansDecidedResultsAreCopiedNotFilledIn() {
    Result duplicate = Result.planned(1, Status.DUPLICATE, "same URL as line 1");
    Result[] decided = {null, duplicate};
    Collector collector = new Collector(decided, 1, heard::add);
    collector.accept(finished(downloaded(0, 0, 100)));

    assertThat(decided).containsExactly(null, duplicate);
    assertThat(collector.settled(0)).isTrue();
    assertThat(collector.settled(1)).isTrue();
    assertThat(collector.results()).extracting(Result::index).containsExactly(0, 1);
  }

  @Test
  void resultsAndStatsAreValuesThatLaterEventsDoNotChange() {
    Collector collector = new Collector(new Result[2], 1, heard::add);
    collector.accept(finished(downloaded(0, 0, 100)));
    List<Result> results = collector.results();
    WorkerStats stats = collector.stats().get(0);

    collector.accept(finished(downloaded(1, 0, 50)));
    collector.accept(exited(0));

    assertThat(collector.settled(1)).isTrue();
    assertThat(results).containsExactly(results.get(0), null);
    assertTally(stats, 1, 1, 0, 0, 100);
    assertThat(stats.pid()).isZero();
    assertTally(collector.stats().get(0), 2, 2, 0, 0, 150);
    assertThat(collector.stats().get(0).pid()).isEqualTo(1000);
  }
}
