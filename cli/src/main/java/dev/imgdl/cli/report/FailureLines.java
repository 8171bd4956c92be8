package dev.imgdl.cli.report;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The lines standard error gets for failed and invalid entries, one each ({@code file:line url:
 * error}), also with {@code -q}: cron mails what a job prints. After {@value #LIMIT} lines the
 * rest are only counted, in one closing line that points to the report and the failed file, so
 * that a list that fails as a whole does not flood a terminal or a mailbox. Entries ended by an
 * interrupt are counted, never listed: they say nothing about their URL. On GitHub Actions each
 * listed or counted failure also prints its {@link Annotation}, past the limit too: GitHub
 * shows them on the list's lines, where they are not noise.
 */
final class FailureLines {
  /** How many entry lines are printed before the rest are only counted. */
  public static final int LIMIT = 50;

  private final PrintWriter err;
  private final boolean annotate;
  private int printed;
  private long unlisted;
  private long interrupted;

  /**
   * @param err where the lines go; also the console's lock (see {@link #add})
   * @param annotate whether each failure also prints a GitHub Actions annotation
   */
  public FailureLines(PrintWriter err, boolean annotate) {
    this.err = err;
    this.annotate = annotate;
  }

  /**
   * Prints the line of a failed or invalid entry, over the progress line if one is drawn, or
   * counts it once {@value #LIMIT} are out. Other results are ignored.
   *
   * @param progress the progress display, or null
   */
  public void add(Entry entry, Result result, ProgressDisplay progress) {
    boolean failed = result.status() == Status.FAILED || result.status() == Status.INVALID;
    if (!failed) {
      return;
    }
    if (result.status() == Status.FAILED && Result.INTERRUPTED.equals(result.error())) {
      interrupted++;
      return;
    }
    boolean listed = printed < LIMIT;
    if (!listed) {
      unlisted++;
      if (!annotate) {
        return;
      }
    }
    String line = SummaryPrinter.failureLine(entry, result);
    // The console's lock, held while the progress line is cleared and this line printed, so
    // that the display's own thread cannot redraw in between. It is the error writer, never the
    // terminal stream: whoever holds the stream's monitor must not wait for another lock, or a
    // child's forwarded log line (writer, then stream) and this line (stream, then writer) can
    // deadlock.
    synchronized (err) {
      if (progress != null) {
        progress.clearLine();
      }
      if (listed) {
        err.println(line);
      }
      if (annotate) {
        err.println(Annotation.error(entry, result));
      }
      err.flush();
    }
    if (listed) {
      printed++;
    }
  }

  /** Prints how many entries were not listed, and how many an interrupt ended, if any. */
  public void close() {
    if (unlisted > 0) {
      err.printf(Locale.ROOT, "... and %,d more failed or invalid %s: see --report or --failed%n",
          unlisted, unlisted == 1 ? "entry" : "entries");
    }
    if (interrupted > 0) {
      err.printf(Locale.ROOT, "%,d %s interrupted%n", interrupted,
          interrupted == 1 ? "entry" : "entries");
    }
    err.flush();
  }
}
