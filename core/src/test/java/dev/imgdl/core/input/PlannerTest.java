package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.source.LineScanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static InputReader reader(String stdin) {
    return new InputReader(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
  }

  private static Plan plan(String stdin) {
    return new Planner(reader(stdin)).plan(List.of("-"));
  }

  @Test
  void duplicateUrlIsReportedOnceWithTheEarlierLine() {
    Plan plan = plan("http://h/a.jpg\nhttp://H:80/a.jpg#x\nhttp://h/b.jpg\nhttp://h/a.jpg\n");
    assertThat(plan.tasks()).extracting(Task::index).containsExactly(0, 2);
    Result dup = plan.decided()[1];
    assertThat(dup.status()).isEqualTo(Status.DUPLICATE);
    assertThat(dup.error()).isEqualTo("duplicate of <stdin>:1");
    assertThat(dup.worker()).isNull();
    assertThat(plan.decided()[3].error()).isEqualTo("duplicate of <stdin>:1");
  }

  @Test
  void invalidEntriesAreDecidedWithTheirReason() {
    Plan plan = plan("not a url\nhttp://h/a.jpg\nmailto:x@y\n");
    assertThat(plan.decided()[0].status()).isEqualTo(Status.INVALID);
    assertThat(plan.decided()[0].error()).contains("no scheme");
    assertThat(plan.decided()[2].error()).contains("mailto");
    assertThat(plan.tasks()).hasSize(1);
    assertThat(plan.entries()).hasSize(3);
  }

  @Test
  void aLineTooLongIsInvalidWithThatReasonAndTheNextLineIsPlanned() {
    Plan plan = plan("http://h/" + "a".repeat(LineScanner.MAX_LINE_BYTES) + "\nhttp://h/b.jpg\n");
    assertThat(plan.decided()[0].status()).isEqualTo(Status.INVALID);
    assertThat(plan.decided()[0].error()).isEqualTo("line too long (over 256 KiB)");
    assertThat(plan.entries().get(0).url()).hasSize(201).endsWith("a\u2026");
    assertThat(plan.tasks()).extracting(Task::index).containsExactly(1);
    assertThat(plan.entries()).extracting(Entry::line).containsExactly(1, 2);
  }

  @Test
  void theListenerIsToldOfEachEntryInInputOrderAsItIsPlanned() {
    List<String> told = new ArrayList<>();
    Planner planner = new Planner(
        reader("http://h/a.jpg\nftp://h/b.jpg\nhttp://H/a.jpg\nhttp://g/a.jpg\n"),
        new Planner.Listener() {
          @Override
          public void task(Task task) {
            told.add("task " + task.index() + " " + task.stem());
          }

          @Override
          public void decided(Result result) {
            told.add(result.status() + " " + result.index());
          }
        });

    Plan plan = planner.plan(List.of("-"));

    // The same names as the plan read to its end: the later a.jpg gets its hash.
    assertThat(told).containsExactly("task 0 a", "INVALID 1", "DUPLICATE 2",
        "task 3 " + plan.tasks().get(1).stem());
    assertThat(plan.tasks().get(1).stem()).startsWith("a-").hasSize(10);
    assertThat(plan.tasks()).extracting(Task::index).containsExactly(0, 3);
  }

  @Test
  void aStreamedTaskCarriesTheUrlThePlannerParsed() {
    List<Task> told = new ArrayList<>();
    Planner planner = new Planner(reader("http://user:pw@H:80/a.jpg#x\n"),
        new Planner.Listener() {
          @Override
          public void task(Task task) {
            told.add(task);
          }

          @Override
          public void decided(Result result) {}
        });
    planner.plan(List.of("-"));

    assertThat(told).hasSize(1);
    assertThat(told.get(0).httpUrl().host()).isEqualTo("h");
    assertThat(told.get(0).httpUrl().password()).isEqualTo("pw");
  }

  @Test
  void theViewShowsThePlanAsItGrows() {
    Planner planner = new Planner(reader("http://h/a.jpg\n# c\nhttp://h/b.jpg\n"));
    assertThat(planner.finished()).isFalse();
    planner.plan(List.of("-"));

    assertThat(planner.planned()).isEqualTo(2);
    assertThat(planner.entry(1).line()).isEqualTo(3);
    assertThat(planner.finished()).isTrue();
  }

  @Test
  void stopReturnsWhatWasPlannedWhileTheReaderIsBlocked() throws Exception {
    java.io.PipedOutputStream writer = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(writer, 1 << 16);
    Planner planner = new Planner(new InputReader(stdin));
    java.util.concurrent.CompletableFuture<Plan> reading =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> planner.plan(List.of("-")));
    writer.write("http://h/a.jpg\nnot a url\nhttp://h/b.jpg\n".getBytes(StandardCharsets.UTF_8));
    writer.flush();
    dev.imgdl.testing.Await.until("three entries read", java.time.Duration.ofSeconds(10),
        () -> planner.planned() == 3);
    Plan partial = planner.stop();
    assertThat(partial.complete()).isFalse();
    assertThat(partial.tasks()).extracting(Task::index).containsExactly(0, 2);
    assertThat(partial.decided()[1].status()).isEqualTo(Status.INVALID);
    // The reader, once unblocked, stops at the next entry instead of planning it.
    writer.write("http://h/c.jpg\n".getBytes(StandardCharsets.UTF_8));
    writer.close();
    assertThat(reading.get(10, java.util.concurrent.TimeUnit.SECONDS).size()).isEqualTo(3);
  }

  @Test
  void aPlanReadToTheEndIsComplete() {
    assertThat(plan("http://h/a.jpg\n").complete()).isTrue();
  }
}
