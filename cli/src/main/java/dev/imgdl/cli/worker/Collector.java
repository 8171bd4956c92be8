package dev.imgdl.cli.worker;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The one consumer of the workers' queue, the same for both modes: it files each result at its
 * entry's index (the planner's invalid and duplicate entries come the same way, so the number of
 * entries grows as the list is planned), tallies it for its worker, and tells a listener
 * (console, progress), until every started worker has exited. It owns the results and the
 * tallies while the run goes on, and hands out values: the results and each worker's stats, as
 * they stand when asked.
 */
public final class Collector {
  private Result[] results;
  private final Tally[] tallies;
  private final Consumer<Result> listener;
  private final Settler settle;
  private static final long MIN_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final List<WorkerEvent> batch = new ArrayList<>();
  private int exited;
  private volatile Throwable broke;

  /**
   * @param decided one slot per entry, holding the results decided while planning and null
   *     elsewhere; copied, never written to
   * @param workers number of workers of the run, started or not
   */
  public Collector(Result[] decided, int workers, Consumer<Result> listener) {
    this(decided, workers, listener, Settler.AS_IS);
  }

  /**
   * What a worker's result becomes before it is filed: itself, nothing yet (held back), or
   * several (held ones released). A webdataset run holds downloads until their shard is written.
   * Called on the collector's thread only.
   */
  public interface Settler {
    List<Result> settle(Result result);

    /** Planning has ended with {@code total} entries: what that releases. */
    default List<Result> planningEnded(int total) {
      return List.of();
    }

    Settler AS_IS = List::of;
  }

  /** @param settle what a worker's result becomes before it is filed */
  public Collector(Result[] decided, int workers, Consumer<Result> listener, Settler settle) {
    this.settle = settle;
    this.results = decided.clone();
    this.tallies = new Tally[workers];
    for (int i = 0; i < workers; i++) {
      tallies[i] = new Tally(i);
    }
    this.listener = listener;
  }

  /** A collector of a run whose entries are yet to be planned. */
  public Collector(int workers, Consumer<Result> listener, Settler settle) {
    this(new Result[0], workers, listener, settle);
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
      if (settled(finished.result().index())) {
        return;
      }
      for (Result result : settle.settle(finished.result())) {
        file(result);
      }
    } else if (event instanceof WorkerEvent.PlanningEnded ended) {
      settle.planningEnded(ended.total()).forEach(this::file);
    } else if (event instanceof WorkerEvent.Broke b) {
      if (broke == null) {
        broke = b.cause();
      }
    } else if (event instanceof WorkerEvent.Exited done) {
      exited++;
      tallies[done.worker()].exited(done.pid(), done.peakRssBytes(), done.seconds());
    }
  }

  private void file(Result result) {
    if (result.index() >= results.length) {
      results = Arrays.copyOf(results, Math.max(result.index() + 1, results.length * 2));
    }
    if (results[result.index()] != null) {
      return;
    }
    results[result.index()] = result;
    if (result.worker() != null) {
      tallies[result.worker()].add(result);
    }
    listener.accept(result);
  }

  /** What broke a worker, the first of them, or null while none did: the run must then stop. */
  public Throwable broke() {
    return broke;
  }

  /** Whether the entry at {@code index} has its result. */
  public boolean settled(int index) {
    return index < results.length && results[index] != null;
  }

  /** The results in entry order, null for an entry that has none yet; a copy that stays as is. */
  public List<Result> results() {
    return results(results.length);
  }

  /** The results of the first {@code entries} entries, null for one that has none yet; a copy. */
  public List<Result> results(int entries) {
    return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(results, entries)));
  }

  /** Each worker's stats, by id. */
  public List<WorkerStats> stats() {
    return Arrays.stream(tallies).map(Tally::stats).toList();
  }

  /** One worker's running tally; only the collector's thread touches it. */
  private static final class Tally {
    private final int id;
    private final Summary.Counter results = new Summary.Counter();
    private double seconds;
    private long pid;
    private long peakRssBytes;

    Tally(int id) {
      this.id = id;
    }

    void add(Result result) {
      results.add(result);
    }

    /** Records how the worker ended; a worker restarted after a crash adds its time. */
    void exited(long pid, long peakRssBytes, double seconds) {
      this.pid = pid;
      this.peakRssBytes = Math.max(this.peakRssBytes, peakRssBytes);
      this.seconds += seconds;
    }

    WorkerStats stats() {
      return new WorkerStats(id, results.summary(), seconds, pid, peakRssBytes);
    }
  }
}
