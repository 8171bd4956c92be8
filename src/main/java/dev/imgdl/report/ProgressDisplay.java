package dev.imgdl.report;

import dev.imgdl.config.Sizes;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live progress display on a terminal: done/total, images per second, bytes per second,
 * failures so far and the time left, drawn by the progressbar library. Only the collector thread
 * calls {@link #update}; the library redraws on its own timer.
 */
public final class ProgressDisplay implements AutoCloseable {
  private final ProgressBar bar;
  private final long startNanos = System.nanoTime();
  private long bytes;
  private int failures;

  public ProgressDisplay(long total, PrintStream terminal) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("imgdl")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setConsumer(new ConsoleProgressBarConsumer(terminal))
            .showSpeed(new java.text.DecimalFormat("0.0"))
            .setUnit(" img", 1)
            .setSpeedUnit(ChronoUnit.SECONDS)
            .build();
  }

  public void update(Result result) {
    if (result.status() == Status.DOWNLOADED) {
      bytes += result.bytes();
    } else if (result.status() == Status.FAILED || result.status() == Status.INVALID) {
      failures++;
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    bar.setExtraMessage(String.format(Locale.ROOT, " | %s/s | %d failed",
        Sizes.format((long) (bytes / seconds)), failures));
    bar.step();
  }

  /** Counts entries that were settled before any download (invalid, duplicate). */
  public void advance(long entries) {
    bar.stepBy(entries);
  }

  /** Clears the bar's line (carriage return, then ANSI erase-line) so a message can replace it. */
  public void clearLine(PrintStream terminal) {
    terminal.print("\r\u001b[2K");
    terminal.flush();
  }

  @Override
  public void close() {
    bar.close();
  }
}
