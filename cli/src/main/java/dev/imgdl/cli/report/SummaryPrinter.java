package dev.imgdl.cli.report;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.config.Sizes;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ControlChars;
import dev.imgdl.core.text.Credentials;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What people read on standard error: one line per failed or invalid entry, and the end-of-run
 * summary with its per-worker table when it helps: with {@code -v}, or when the workers differ in
 * failures (see {@link #workersDiffer}); the report keeps it always. In process mode the table
 * shows each child's pid and peak memory.
 */
final class SummaryPrinter {
  /** Fewer entries than this say nothing of a worker's failure ratio. */
  static final int MIN_ENTRIES = 10;

  private SummaryPrinter() {}

  /**
   * Whether one worker's failure ratio is more than twice another's and more than 10 points
   * above it, both with at least {@link #MIN_ENTRIES} entries: a host, a child or a chunk that
   * fails where the others do not.
   */
  static boolean workersDiffer(List<WorkerStats> workers) {
    double lowest = Double.MAX_VALUE;
    double highest = -1;
    for (WorkerStats w : workers) {
      if (w.entries() >= MIN_ENTRIES) {
        double ratio = w.failed() / (double) w.entries();
        lowest = Math.min(lowest, ratio);
        highest = Math.max(highest, ratio);
      }
    }
    return highest > 2 * lowest && highest - lowest > 0.1;
  }

  /**
   * {@code file:line url: error}, with credentials hidden and control characters escaped: the
   * URL is an input line and the error may quote a server. A table row without a URL gives
   * {@code file:line: error}.
   */
  public static String failureLine(Entry entry, Result result) {
    return entryName(entry) + ": " + shownError(result);
  }

  /**
   * {@code file:line url} as a failure line starts: credentials hidden, control characters
   * escaped; {@code file:line} for a table row without a URL.
   */
  public static String entryName(Entry entry) {
    String url = entry.url().isEmpty() ? "" : " " + shownUrl(entry);
    return ControlChars.escape(entry.location()) + url;
  }

  /** The entry's URL as the console shows it: credentials hidden, control characters escaped. */
  static String shownUrl(Entry entry) {
    return ControlChars.escape(Credentials.redact(entry.url()));
  }

  /** A failed or invalid entry's error as the console shows it. */
  static String shownError(Result result) {
    return ConsoleText.safe(result.error());
  }

  /** The entry's input file as the console shows it: control characters escaped. */
  static String safeSource(Entry entry) {
    return ControlChars.escape(entry.source());
  }

  /** @param verbose whether {@code -v} asks for the per-worker table whatever it shows */
  public static void print(RunRecord run, boolean interrupted, boolean verbose,
      PrintWriter err) {
    Summary s = run.summary();
    // A check saves nothing: its log never says "downloaded", and says how many passed.
    String fetched = run.check() ? "checked" : "downloaded";
    int done = run.check() ? s.checked() : s.downloaded();
    err.printf(Locale.ROOT, "imgdl: %s%d entries: %d %s, %d skipped, %d failed, "
            + "%d invalid, %d duplicate%n",
        interrupted ? "INTERRUPTED, " : "", s.entries(), done, fetched, s.skipped(), s.failed(),
        s.invalid(), s.duplicate());
    double secs = Math.max(run.seconds(), 1e-3);
    err.printf(Locale.ROOT, "  %s in %.2f s: %.1f images/s, %s/s; success ratio %.3f%n",
        Sizes.format(s.bytes()), run.seconds(), done / secs,
        Sizes.format((long) (s.bytes() / secs)), s.successRatio());
    boolean process = run.mode() == Mode.PROCESS;
    err.printf(Locale.ROOT, "  mode %s, %d workers, %s peak memory %s%n", run.mode().label(),
        run.workers(), process ? "parent" : "process", rss(run.parentPeakRssBytes()));
    if (verbose || workersDiffer(run.workerStats())) {
      printTable(run, fetched, process, err);
    }
    err.flush();
  }

  private static void printTable(RunRecord run, String fetched, boolean process,
      PrintWriter err) {
    err.printf(Locale.ROOT, "  %6s %8s %10s %8s %7s %10s %8s%s%n", "worker", "entries",
        fetched, "skipped", "failed", "bytes", "seconds",
        process ? String.format(Locale.ROOT, " %8s %10s", "pid", "peak RSS") : "");
    for (WorkerStats w : run.workerStats()) {
      String extra =
          process ? String.format(Locale.ROOT, " %8s %10s",
              w.pid() == 0 ? "-" : String.valueOf(w.pid()), rss(w.peakRssBytes())) : "";
      err.printf(Locale.ROOT, "  %6d %8d %10d %8d %7d %10s %8.2f%s%n", w.id(), w.entries(),
          run.check() ? w.checked() : w.downloaded(), w.skipped(), w.failed(),
          Sizes.format(w.bytes()), w.seconds(), extra);
    }
  }

  private static String rss(long bytes) {
    return bytes == 0 ? "-" : Sizes.format(bytes);
  }
}
