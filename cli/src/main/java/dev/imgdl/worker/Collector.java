package dev.imgdl.worker;

import dev.imgdl.result.Result;
import dev.imgdl.result.WorkerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
  private static final long MIN_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final List<WorkerEvent> batch = new ArrayList<>();
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
   * It drains the queue in batches and naps when it is empty, instead of blocking on it: a
   * blocked collector would have every worker's result wake it, a context switch per entry that
   * costs more than the download of a small image on a virtual machine. The nap grows from 1 to
   * 50 ms while nothing arrives.
   *
   * @return whether every started worker exited
   */
  public boolean collect(BlockingQueue<WorkerEvent> events, int started, long deadlineNanos) {
    long nap = MIN_NAP_NANOS;
    while (exited < started) {
      if (events.drainTo(batch, 4096) > 0) {
        batch.forEach(this::accept);
        batch.clear();
        nap = MIN_NAP_NANOS;
        continue;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(Math.min(nap, left));
      nap = Math.min(nap * 2, MAX_NAP_NANOS);
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
