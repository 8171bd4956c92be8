package dev.imgdl.worker;

import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.worker.ChildShare.Chunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What the supervisor of one child share knows while children run it: which entries have no
 * result yet, and how each worker's chunk ended (when, and the pid and peak memory of the child
 * that ran it). Once no child runs the share any more it becomes the collector's events: a
 * failure per entry left, if the reason is known, and one {@link WorkerEvent.Exited} per worker,
 * so that the per-worker table is per chunk in process mode too. Only one thread touches it.
 */
final class ShareProgress {
  private final ChildShare share;
  private final long startNanos;
  private final Map<Integer, Task> unfinished = new LinkedHashMap<>();
  private final Map<Integer, End> ends = new HashMap<>();

  /** How one worker ended so far; {@code ended} once its chunk-end line came. */
  private static final class End {
    long pid;
    long peakRss;
    boolean ended;
    long endNanos;
  }

  ShareProgress(ChildShare share, long startNanos) {
    this.share = share;
    this.startNanos = startNanos;
    for (Chunk chunk : share.chunks()) {
      chunk.tasks().forEach(t -> unfinished.put(t.index(), t));
      ends.put(chunk.worker(), new End());
    }
  }

  /** The entries without a result, by index; the child's reader removes each it gets. */
  Map<Integer, Task> unfinished() {
    return unfinished;
  }

  /** The chunks that still have entries without a result, with those entries only; or null. */
  ChildShare left() {
    List<Chunk> left = new ArrayList<>();
    for (Chunk chunk : share.chunks()) {
      List<Task> tasks = chunk.tasks().stream()
          .filter(t -> unfinished.containsKey(t.index())).toList();
      if (!tasks.isEmpty()) {
        left.add(new Chunk(chunk.worker(), tasks));
      }
    }
    return left.isEmpty() ? null : new ChildShare(left);
  }

  /** Child {@code pid} was started to run {@code running}'s chunks; an ended one keeps its. */
  void running(ChildShare running, long pid) {
    for (int worker : running.workers()) {
      End end = ends.get(worker);
      if (!end.ended) {
        end.pid = pid;
      }
    }
  }

  /** Child {@code pid} ran the chunk of {@code worker} to its end. */
  void chunkEnded(int worker, long pid, long peakRss, long nowNanos) {
    End end = ends.get(worker);
    if (end == null) {
      throw new IllegalArgumentException("worker " + worker + " is not one of "
          + share.label());
    }
    end.pid = pid;
    end.peakRss = Math.max(end.peakRss, peakRss);
    if (!end.ended) {
      end.ended = true;
      end.endNanos = nowNanos;
    }
  }

  /** Child {@code pid} has exited; its peak memory, 0 if unknown, is that of its chunks. */
  void childEnded(long pid, long peakRss) {
    for (End end : ends.values()) {
      if (end.pid == pid) {
        end.peakRss = Math.max(end.peakRss, peakRss);
      }
    }
  }

  /**
   * The collector's events once no child runs the share: a failure for each entry left, with
   * the reason {@code failure} gives for its own worker (none when it gives null: the run then
   * settles them), then each worker's end, timed from the share's start.
   */
  List<WorkerEvent> finish(IntFunction<String> failure, long nowNanos) {
    List<WorkerEvent> events = new ArrayList<>();
    for (Chunk chunk : share.chunks()) {
      String reason = failure.apply(chunk.worker());
      for (Task task : chunk.tasks()) {
        if (reason != null && unfinished.containsKey(task.index())) {
          events.add(new WorkerEvent.Finished(
              Result.failed(task.index(), chunk.worker(), reason)));
        }
      }
    }
    for (Chunk chunk : share.chunks()) {
      End end = ends.get(chunk.worker());
      long endNanos = end.ended ? end.endNanos : nowNanos;
      events.add(new WorkerEvent.Exited(chunk.worker(), end.pid, end.peakRss,
          (endNanos - startNanos) / 1e9));
    }
    return events;
  }
}
