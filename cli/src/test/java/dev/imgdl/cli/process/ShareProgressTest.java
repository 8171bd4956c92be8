package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One child share's entries and worker ends, from memory: no child JVM. */
class ShareProgressTest {
  private static final long START = 1_000_000_000L;

  private static TaskLine line(int worker, int index) {
    return new TaskLine(worker,
        new Task(index, "http://h/" + index + ".png", String.valueOf(index), "png"));
  }

  /** Workers 0 and 2: entries 0 and 2 for worker 0, entries 1 and 3 for worker 2. */
  private final ChildShare share = new ChildShare(List.of(0, 2));
  private final ShareProgress progress = new ShareProgress(share, START);

  private void sendAll() {
    for (int i = 0; i < 4; i++) {
      progress.sent(line(i % 2 == 0 ? 0 : 2, i));
    }
  }

  private static long at(double seconds) {
    return START + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void whatIsLeftIsWhatWasSentWithoutAResultInInputOrder() {
    progress.sent(line(2, 3));
    progress.sent(line(0, 0));
    progress.sent(line(2, 1));
    assertThat(progress.left()).containsExactly(line(0, 0), line(2, 1), line(2, 3));

    progress.unfinished().remove(0);
    progress.unfinished().remove(1);

    assertThat(progress.left()).containsExactly(line(2, 3));
    progress.unfinished().remove(3);
    assertThat(progress.left()).isEmpty();
  }

  @Test
  void eachWorkerEndsWithTheTimeOfItsChunkEndAndThePidAndPeakOfTheChildThatRanIt() {
    sendAll();
    progress.running(41);
    progress.unfinished().remove(0);
    progress.unfinished().remove(2);
    progress.chunkEnded(0, 41, 100, at(1.5));
    // The child dies running worker 2's chunk; another finishes it.
    progress.childEnded(41, 0);
    progress.running(42);
    progress.unfinished().remove(1);
    progress.unfinished().remove(3);
    progress.chunkEnded(2, 42, 300, at(4));
    progress.childEnded(42, 500);

    assertThat(progress.finish(worker -> "unused", at(5))).containsExactly(
        new WorkerEvent.Exited(0, 41, 100, 1.5), new WorkerEvent.Exited(2, 42, 500, 4.0));
  }

  @Test
  void theEntriesLeftFailWithTheReasonOfTheirOwnWorkerBeforeTheWorkersEnd() {
    sendAll();
    progress.running(41);
    progress.unfinished().remove(0);
    progress.chunkEnded(0, 41, 100, at(1));
    progress.childEnded(41, 0);

    List<WorkerEvent> events =
        progress.finish(worker -> "worker " + worker + " exited with code 137", at(3));

    assertThat(events).containsExactly(
        new WorkerEvent.Finished(Result.failed(1, 2, "worker 2 exited with code 137")),
        new WorkerEvent.Finished(Result.failed(2, 0, "worker 0 exited with code 137")),
        new WorkerEvent.Finished(Result.failed(3, 2, "worker 2 exited with code 137")),
        new WorkerEvent.Exited(0, 41, 100, 1.0), new WorkerEvent.Exited(2, 41, 0, 3.0));
  }

  @Test
  void aWorkerThatEndedKeepsThePidOfTheChildThatRanIt() {
    progress.running(41);
    progress.chunkEnded(0, 41, 100, at(1));
    progress.running(42);

    assertThat(progress.finish(worker -> null, at(2))).containsExactly(
        new WorkerEvent.Exited(0, 41, 100, 1.0), new WorkerEvent.Exited(2, 42, 0, 2.0));
  }

  @Test
  void withoutAReasonTheEntriesLeftAreLeftToTheRun() {
    sendAll();
    assertThat(progress.finish(worker -> null, at(2))).containsExactly(
        new WorkerEvent.Exited(0, 0, 0, 2.0), new WorkerEvent.Exited(2, 0, 0, 2.0));
  }
}
