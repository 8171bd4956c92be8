package dev.imgdl.report;

import dev.imgdl.input.Entry;
import dev.imgdl.input.Plan;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * What standard error shows while a run goes on: the line of each failed or invalid entry, and
 * on a terminal the progress display. The collector hands it every result; the run stops the
 * display once the workers are done, and closes the lines before the summary.
 */
public final class LiveConsole {
  private final List<Entry> entries;
  private final FailureLines failures;
  private final ProgressDisplay progress;

  /**
   * Prints the lines of the plan's invalid entries and, when {@code showProgress}, starts the
   * progress display with the entries the plan already decided counted as done.
   *
   * @param terminal standard error as a stream, where the progress display draws
   */
  public LiveConsole(Plan plan, boolean showProgress, PrintWriter err, PrintStream terminal) {
    this.entries = plan.entries();
    this.failures = new FailureLines(err);
    for (Result r : plan.decided()) {
      if (r != null && r.status() == Status.INVALID) {
        failures.add(entries.get(r.index()), r, null);
      }
    }
    this.progress = showProgress ? new ProgressDisplay(plan.size(), terminal, err) : null;
    if (progress != null) {
      progress.advance(plan.size() - plan.tasks().size());
    }
  }

  /** Shows one result of a worker (or of the run's settling); only the collector calls it. */
  public void accept(Result result) {
    if (result.status() == Status.FAILED) {
      failures.add(entries.get(result.index()), result, progress);
    }
    if (progress != null) {
      progress.update(result);
    }
  }

  /** Draws the progress display's last state and ends its line, if there is one. */
  public void stopProgress() {
    if (progress != null) {
      progress.close();
    }
  }

  /** Prints how many failure lines were left out, and how many entries an interrupt ended. */
  public void close() {
    failures.close();
  }
}
