package dev.imgdl.worker;

import dev.imgdl.result.Result;
import dev.imgdl.result.WorkerStats;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one consumer of the workers' queue, the same for both modes: it files each result at its
 * entry's index, tallies it for its worker, and tells a listener (console, progress), until every
 * started worker has exited.
 */
public final class Collector {
  private final Result[] results;
  private final WorkerStats[] stats;
  private final Consumer<Result> listener;
  private int exited;

  /**
   * @param results one slot per entry, already holding the results decided while planning
   * @param workers number of workers of the run, started or not
   */
  public Collector(Result[] results, int workers, Consumer<Result> listener) {
    this.results = results;
    this.stats = new WorkerStats[workers];
    for (int i = 0; i < workers; i++) {
      stats[i] = new WorkerStats(i);
    }
    this.listener = listener;
  }

  /**
   * Takes events until {@code started} workers have exited or {@code deadlineNanos} has passed.
   *
   * @return whether every started worker exited
   */
  public boolean collect(BlockingQueue<WorkerEvent> events, int started, long deadlineNanos)
      throws InterruptedException {
    while (exited < started) {
      long wait = deadlineNanos - System.nanoTime();
      WorkerEvent event = wait > 0 ? events.poll(wait, TimeUnit.NANOSECONDS) : events.poll();
      if (event == null) {
        return false;
      }
      accept(event);
    }
    return true;
  }

  /** Files one event. A second result for an entry (from a restarted child) is ignored. */
  public void accept(WorkerEvent event) {
    if (event instanceof WorkerEvent.Finished finished) {
      Result result = finished.result();
      if (results[result.index()] != null) {
        return;
      }
      results[result.index()] = result;
      if (result.worker() != null) {
        stats[result.worker()].add(result);
      }
      listener.accept(result);
    } else if (event instanceof WorkerEvent.Exited done) {
      exited++;
      stats[done.worker()].exited(done.pid(), done.peakRssBytes(), done.seconds());
    }
  }

  public WorkerStats[] stats() {
    return stats;
  }
}
