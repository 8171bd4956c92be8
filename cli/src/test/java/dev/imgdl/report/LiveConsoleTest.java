package dev.imgdl.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.input.Entry;
import dev.imgdl.input.Plan;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveConsoleTest {
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

  /** Four lines: an invalid one, a duplicate, and two to download. */
  private static Plan plan() {
    List<Entry> entries = List.of(new Entry(0, "l.txt", 1, "nope"),
        new Entry(1, "l.txt", 2, "http://h/a.png"), new Entry(2, "l.txt", 3, "http://h/a.png"),
        new Entry(3, "l.txt", 4, "http://h/b.png"));
    Result[] decided = {Result.planned(0, Status.INVALID, "not an absolute URL (no scheme)"),
        null, Result.planned(2, Status.DUPLICATE, "duplicate of l.txt:2"), null};
    List<Task> tasks = List.of(
        new Task(1, "http://h/a.png", "a", "png"), new Task(3, "http://h/b.png", "b", "png"));
    return new Plan(entries, tasks, decided, true);
  }

  private LiveConsole console(boolean showProgress) {
    return new LiveConsole(plan(), showProgress, new PrintWriter(err),
        new PrintStream(terminal, true, StandardCharsets.UTF_8));
  }

  @Test
  void theInvalidEntriesOfThePlanArePrintedAtOnceAndDuplicatesAreNot() {
    console(false);

    assertThat(err.toString()).isEqualTo("l.txt:1 nope: not an absolute URL (no scheme)\n");
  }

  @Test
  void aFailedResultIsPrintedAndADownloadedOneIsNot() {
    LiveConsole console = console(false);
    console.accept(new Result(1, Status.DOWNLOADED, "a.png", 10, "ab", "image/png", 200, 1, 0,
        5, null));
    console.accept(Result.failed(3, 1, "HTTP 404"));

    assertThat(err.toString().lines()).containsExactly(
        "l.txt:1 nope: not an absolute URL (no scheme)", "l.txt:4 http://h/b.png: HTTP 404");
  }

  @Test
  void interruptedEntriesAreCountedWhenItClosesNotListed() {
    LiveConsole console = console(false);
    console.accept(Result.interrupted(1, 0));
    console.accept(Result.interrupted(3, 1));
    console.close();

    assertThat(err.toString().lines()).containsExactly(
        "l.txt:1 nope: not an absolute URL (no scheme)", "2 entries interrupted");
  }

  @Test
  void withoutProgressNothingIsDrawnOnTheTerminal() {
    LiveConsole console = console(false);
    console.accept(Result.failed(3, 1, "HTTP 404"));
    console.stopProgress();

    assertThat(terminal.size()).isZero();
  }

  @Test
  void theProgressDisplayCountsWhatThePlanDecidedAndEndsItsLineWhenStopped() {
    LiveConsole console = console(true);
    console.accept(Result.failed(3, 1, "HTTP 404"));
    console.stopProgress();

    String drawn = terminal.toString(StandardCharsets.UTF_8);
    // Two decided while planning, one result: 3 of 4, one failure.
    assertThat(drawn).contains(" 3/4 ").contains("1 failed").endsWith(System.lineSeparator());
  }
}
