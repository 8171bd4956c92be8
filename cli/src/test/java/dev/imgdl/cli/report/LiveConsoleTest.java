package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
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
  private static final List<Entry> ENTRIES = List.of(Entry.of(0, "l.txt", 1, "nope"),
      Entry.of(1, "l.txt", 2, "http://h/a.png"), Entry.of(2, "l.txt", 3, "http://h/a.png"),
      Entry.of(3, "l.txt", 4, "http://h/b.png"));
  private static final Result INVALID =
      Result.planned(0, Status.INVALID, "not an absolute URL (no scheme)");
  private static final Result DUPLICATE =
      Result.planned(2, Status.DUPLICATE, "duplicate of l.txt:2");

  /** The plan as the planner shows it: so many planned, complete or not. */
  private static final class View implements PlanView {
    volatile int planned = ENTRIES.size();
    volatile boolean finished = true;

    @Override
    public int planned() {
      return planned;
    }

    @Override
    public Entry entry(int index) {
      return ENTRIES.get(index);
    }

    @Override
    public boolean finished() {
      return finished;
    }
  }

  private final View view = new View();

  /** A console that was handed the planner's results, as the collector hands them. */
  private LiveConsole console(boolean showProgress) {
    LiveConsole console = new LiveConsole(view, showProgress, false, new PrintWriter(err),
        new PrintStream(terminal, true, StandardCharsets.UTF_8));
    console.accept(INVALID);
    console.accept(DUPLICATE);
    return console;
  }

  @Test
  void anInvalidEntryIsPrintedAsItIsPlannedAndADuplicateIsNot() {
    console(false);

    assertThat(err.toString()).isEqualTo("l.txt:1 nope: not an absolute URL (no scheme)\n");
  }

  @Test
  void whilePlanningTheTotalIsWhatIsPlannedSoFarWithoutPercentOrTimeLeft() {
    view.planned = 3;
    view.finished = false;
    LiveConsole console = console(true);
    console.accept(Result.failed(1, 1, "HTTP 404"));
    console.stopProgress();

    String drawn = terminal.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("imgdl   ?% ").contains(" 3/3+ ").doesNotContain("ETA");
  }

  @Test
  void aFailedResultIsPrintedAndADownloadedOneIsNot() {
    LiveConsole console = console(false);
    console.accept(Result.builder(1, Status.DOWNLOADED).file("a.png").bytes(10).sha256("ab")
        .contentType("image/png").httpStatus(200).attempts(1).worker(0).millis(5).build());
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
