package dev.imgdl.cli.report;

import dev.imgdl.core.config.Sizes;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The live progress line on a terminal: done/total, a bar, images and bytes per second,
 * failures so far and the time left, redrawn in place five times a second by a daemon thread.
 * It writes plain text and two ANSI sequences (carriage return, erase line), and never changes
 * the terminal's modes or signal handling, so Ctrl-C reaches imgdl's own handler and the
 * terminal is left as it was found. Only the collector thread calls {@link #update}; a caller
 * that prints other lines holds the console lock (the error writer) while it clears and prints.
 * While the list is still being planned the total is the count planned so far, shown as {@code
 * 1,234+} with no percentage and no time left, since neither is known yet.
 */
final class ProgressDisplay implements AutoCloseable {
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final Total total;
  private final PrintStream terminal;
  private final Object consoleLock;
  private volatile int width = 79;
  private final long startNanos = System.nanoTime();
  private final Thread painter;
  private volatile long done;
  private volatile long bytes;
  private volatile int failures;
  private volatile boolean closed;

  /**
   * @param consoleLock held by whoever prints other lines on the terminal (the error writer);
   *     the display takes it before the terminal stream, in the same order as they do
   */
  /** How many entries there are: those planned so far, and whether that is all of them. */
  public interface Total {
    long planned();

    boolean complete();
  }

  public ProgressDisplay(Total total, PrintStream terminal, Object consoleLock) {
    this.total = total;
    this.terminal = terminal;
    this.consoleLock = consoleLock;
    this.painter = new Thread(this::paintUntilClosed, "imgdl-progress");
    painter.setDaemon(true);
    painter.start();
  }

  public void update(Result result) {
    if (result.status() == Status.DOWNLOADED || result.status() == Status.CHECKED) {
      bytes += result.bytes();
    } else if (result.status() == Status.FAILED || result.status() == Status.INVALID) {
      failures++;
    }
    done++;
  }

  /** Counts entries that were settled before any download (invalid, duplicate). */
  public void advance(long entries) {
    done += entries;
  }

  /**
   * Clears the progress line (carriage return, then ANSI erase-line) so a message can replace
   * it.
   */
  public void clearLine() {
    terminal.print("\r\u001b[2K");
    terminal.flush();
  }

  private void paintUntilClosed() {
    width = columns() - 1;
    while (!closed) {
      paint();
      LockSupport.parkNanos(REDRAW_NANOS);
    }
  }

  private void paint() {
    // Complete first: a total read after it is final.
    boolean complete = total.complete();
    String line = line(done, total.planned(), complete, bytes, failures,
        (System.nanoTime() - startNanos) / 1e9, width);
    synchronized (consoleLock) {
      terminal.print("\r" + line + "\u001b[K");
      terminal.flush();
    }
  }

  /** One progress line of at most {@code width} characters. */
  static String line(long done, long total, boolean complete, long bytes, int failures,
      double seconds, int width) {
    double secs = Math.max(seconds, 1e-3);
    int percent = total == 0 ? 100 : (int) (100 * done / total);
    String eta = !complete || done == 0 || done >= total
        ? "" : " | ETA " + clock((total - done) * secs / done);
    String head = complete
        ? String.format(Locale.ROOT, "imgdl %3d%% ", percent)
        : "imgdl   ?% ";
    String tail = String.format(Locale.ROOT, " %,d/%,d%s | %.1f img/s | %s/s | %d failed%s",
        done, total, complete ? "" : "+", done / secs, Sizes.format((long) (bytes / secs)),
        failures, eta);
    int barWidth = Math.min(30, width - head.length() - tail.length() - 2);
    if (barWidth < 5) {
      String text = head + tail.strip();
      return text.length() <= width ? text : text.substring(0, Math.max(0, width));
    }
    int filled = total == 0 ? barWidth : (int) (barWidth * Math.min(done, total) / total);
    return head + "[" + "#".repeat(filled) + "-".repeat(barWidth - filled) + "]" + tail;
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * The terminal's width: {@code COLUMNS} when the shell exports it, else what {@code stty size}
   * says of the controlling terminal (Java cannot ask the terminal itself), else 80. Asked on the
   * display's own thread, so that it never delays the run.
   */
  private static int columns() {
    Integer columns = parse(System.getenv("COLUMNS"));
    if (columns == null) {
      columns = sttyColumns();
    }
    return columns != null && columns >= 20 ? columns : 80;
  }

  private static Integer sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.canRead()) {
      return null;
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroyForcibly();
        return null;
      }
      String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
          .strip().split("\\s+");
      return size.length == 2 ? parse(size[1]) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Integer parse(String number) {
    try {
      return number == null ? null : Integer.valueOf(number.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Draws the final state and ends the line, so what follows starts on a line of its own. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(painter);
    try {
      painter.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    paint();
    synchronized (consoleLock) {
      terminal.println();
      terminal.flush();
    }
  }
}
