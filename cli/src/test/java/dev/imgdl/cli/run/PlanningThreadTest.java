package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.input.Plan;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.source.InputException;
import dev.imgdl.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningThreadTest {
  @TempDir Path dir;

  @Test
  void aListReadToTheEndGivesTheCompletePlan() {
    byte[] list = "http://h/a.jpg\nhttp://h/b.jpg\n".getBytes(StandardCharsets.UTF_8);
    Plan plan = new PlanningThread(new ByteArrayInputStream(list), List.of("-")).plan();

    assertThat(plan.complete()).isTrue();
    assertThat(plan.tasks()).extracting(Task::index).containsExactly(0, 1);
  }

  @Test
  void stopReturnsWhatWasPlannedWhileStandardInputIsStillOpen() throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(writer, 1 << 16);
    PlanningThread planning = new PlanningThread(stdin, List.of("-"));
    CompletableFuture<Plan> plan = CompletableFuture.supplyAsync(planning::plan);
    writer.write("http://h/a.jpg\nhttp://h/b.jpg\n".getBytes(StandardCharsets.UTF_8));
    writer.flush();
    Await.until("the planner waiting for more input", Duration.ofSeconds(10),
        () -> unread(stdin) == 0);

    planning.stop();

    // The writer stays open: the planner thread is still blocked in its read.
    Plan partial = plan.get(10, TimeUnit.SECONDS);
    assertThat(partial.complete()).isFalse();
    assertThat(partial.size()).isLessThanOrEqualTo(2);
  }

  private static int unread(PipedInputStream in) {
    try {
      return in.available();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aStopBeforeThePlanStartsReturnsAtOnce() throws Exception {
    PlanningThread planning = new PlanningThread(new PipedInputStream(1024), List.of("-"));
    planning.stop();

    assertThat(planning.plan().complete()).isFalse();
  }

  @Test
  void anInputThatCannotBeReadIsThrownAsThePlannerThrewIt() {
    PlanningThread planning = new PlanningThread(
        new ByteArrayInputStream(new byte[0]), List.of(dir.resolve("missing.txt").toString()));

    assertThatThrownBy(planning::plan).isInstanceOf(InputException.class);
  }
}
