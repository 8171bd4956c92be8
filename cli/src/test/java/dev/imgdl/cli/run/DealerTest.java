package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.output.FilesDestination;
import dev.imgdl.cli.output.Placement;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.cli.worker.Workers;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.download.ExistingTargets;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DealerTest {
  @TempDir Path dir;

  /** Workers that record what they are dealt. */
  private static final class Recording implements Workers {
    final List<String> dealt = new ArrayList<>();

    @Override
    public int start(int chunks, BlockingQueue<WorkerEvent> events) {
      return chunks;
    }

    @Override
    public void deal(int worker, Task task) {
      dealt.add(worker + ":" + task.index());
    }

    @Override
    public void endOfTasks() {}

    @Override
    public void cancel() {}

    @Override
    public List<okhttp3.Cookie> cookies() {
      return List.of();
    }

    @Override
    public void close() {}
  }

  private static Task task(int index) {
    return new Task(index, "http://h/" + index + ".png", String.valueOf(index), "png");
  }

  @Test
  void tasksAreDealtRoundRobinInPlanOrderAsTheyArePlanned() {
    Recording workers = new Recording();
    Dealer dealer = new Dealer(3, files(null), workers, new LinkedBlockingQueue<>());
    for (int i = 0; i < 7; i++) {
      dealer.task(task(i));
    }

    assertThat(workers.dealt).containsExactly("0:0", "1:1", "2:2", "0:3", "1:4", "2:5", "0:6");
    assertThat(dealer.dealt().get(0)).extracting(Task::index).containsExactly(0, 3, 6);
    assertThat(dealer.dealt().get(2)).extracting(Task::index).containsExactly(2, 5);
  }

  @Test
  void aTaskWhoseTargetExistsIsSkippedForItsChunkAndKeepsItsPlaceInTheDealing() throws Exception {
    Files.writeString(dir.resolve("1.png"), "x");
    Recording workers = new Recording();
    BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
    Dealer dealer = new Dealer(2, files(ExistingTargets.scan(dir)), workers, events);
    for (int i = 0; i < 4; i++) {
      dealer.task(task(i));
    }

    assertThat(workers.dealt).containsExactly("0:0", "0:2", "1:3");
    Result skipped = ((WorkerEvent.Finished) events.poll()).result();
    assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
    assertThat(skipped.worker()).isEqualTo(1);
    assertThat(dealer.dealt().get(1)).extracting(Task::index).containsExactly(3);
  }

  @Test
  void decidedEntriesGoToTheCollector() {
    BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
    Dealer dealer = new Dealer(2, files(null), new Recording(), events);
    Result invalid = Result.planned(0, Status.INVALID, "no host");

    dealer.decided(invalid);

    assertThat(events).containsExactly(new WorkerEvent.Finished(invalid));
  }

  private static FilesDestination files(ExistingTargets existing) {
    return new FilesDestination(new Placement(OutputLayout.FILES, "t"), existing);
  }
}
