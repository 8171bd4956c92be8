package dev.imgdl.cli.report;

import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * What standard error shows while a run goes on: the line of each failed or invalid entry, as
 * the collector hands it each result (an invalid entry's as soon as it is planned), and on a
 * terminal the progress display, whose total grows while the list is planned. The run stops the
 * display once the workers are done, and closes the lines before the summary.
 */
public final class LiveConsole {
  private final PlanView plan;
  private final FailureLines failures;
  private final ProgressDisplay progress;

  /**
   * Starts the progress display when {@code showProgress}.
   *
   * @param plan the plan as it grows, for the entries that results name and the total
   * @param annotate whether each failure also prints a GitHub Actions annotation
   * @param terminal standard error as a stream, where the progress display draws
   */
  public LiveConsole(PlanView plan, boolean showProgress, boolean annotate, PrintWriter err,
      PrintStream terminal) {
    this.plan = plan;
    this.failures = new FailureLines(err, annotate);
    this.progress = showProgress ? new ProgressDisplay(new ProgressDisplay.Total() {
      @Override
      public long planned() {
        return plan.planned();
      }

      @Override
      public boolean complete() {
        return plan.finished();
      }
    }, terminal, err) : null;
  }

  /**
   * Shows one result: a worker's, the planner's or the run's settling; only the collector calls
   * it.
   */
  public void accept(Result result) {
    Status status = result.status();
    if (status == Status.FAILED || status == Status.INVALID) {
      failures.add(plan.entry(result.index()), result, progress);
    }
    if (progress == null) {
      return;
    }
    if (status == Status.INVALID || status == Status.DUPLICATE) {
      // Settled while planning: counted as done, not as a failure of a download.
      progress.advance(1);
    } else {
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
