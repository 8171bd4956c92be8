package dev.imgdl.result;

/**
 * The tally of one worker: what it did with its chunk and what it cost. Only the collector
 * thread writes it.
 */
public final class WorkerStats {
  private final int id;
  private int entries;
  private int downloaded;
  private int skipped;
  private int failed;
  private long bytes;
  private double seconds;
  private long pid;
  private long peakRssBytes;

  public WorkerStats(int id) {
    this.id = id;
  }

  /** Counts one result of this worker. */
  public void add(Result result) {
    entries++;
    switch (result.status()) {
      case DOWNLOADED -> {
        downloaded++;
        bytes += result.bytes();
      }
      case SKIPPED -> skipped++;
      default -> failed++;
    }
  }

  /** Records how the worker ended; a worker restarted after a crash adds its time. */
  public void exited(long pid, long peakRssBytes, double seconds) {
    this.pid = pid;
    this.peakRssBytes = Math.max(this.peakRssBytes, peakRssBytes);
    this.seconds += seconds;
  }

  public int id() {
    return id;
  }

  public int entries() {
    return entries;
  }

  public int downloaded() {
    return downloaded;
  }

  public int skipped() {
    return skipped;
  }

  public int failed() {
    return failed;
  }

  public long bytes() {
    return bytes;
  }

  public double seconds() {
    return seconds;
  }

  public long pid() {
    return pid;
  }

  public long peakRssBytes() {
    return peakRssBytes;
  }
}
