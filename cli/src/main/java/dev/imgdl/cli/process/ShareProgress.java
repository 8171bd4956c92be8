package dev.imgdl.cli.process;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.core.result.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.IntFunction;

/**
 * What the supervisor of one child share knows while children run it: which entries were sent
 * to a child and have no result yet, and how each worker's chunk ended (when, and the pid and
 * peak memory of the child that ran it). Once no child runs the share any more it becomes the
 * collector's events: a failure per entry left, if the reason is known, and one {@link
 * WorkerEvent.Exited} per worker, so that the per-worker table is per chunk in process mode too.
 * The sender of a child adds entries and its reader removes them, each on its own thread; the
 * rest is the supervisor's.
 */
final class ShareProgress {
  private final ChildShare share;
  private final long startNanos;
  /** By index, so in input order: a relaunched child gets them in the order they were dealt. */
  private final ConcurrentNavigableMap<Integer, TaskLine> unfinished =
      new ConcurrentSkipListMap<>();
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
    for (int worker : share.workers()) {
      ends.put(worker, new End());
    }
  }

  /** An entry is being sent to a child (or, when no child may run any more, fails with it). */
  void sent(TaskLine line) {
    unfinished.put(line.task().index(), line);
  }

  /** The entries sent without a result, by index; the child's reader removes each it gets. */
  Map<Integer, TaskLine> unfinished() {
    return unfinished;
  }

  /** The entries sent without a result, in input order: what a new child is sent first. */
  List<TaskLine> left() {
    return List.copyOf(unfinished.values());
  }

  /** Child {@code pid} was started to run the share; a worker that ended keeps its child. */
  void running(long pid) {
    for (End end : ends.values()) {
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
   * The collector's events once no child runs the share: a failure for each entry left, in
   * input order, with the reason {@code failure} gives for its own worker (none when it gives
   * null: the run then settles them), then each worker's end, timed from the share's start.
   */
  List<WorkerEvent> finish(IntFunction<String> failure, long nowNanos) {
    List<WorkerEvent> events = new ArrayList<>();
    for (TaskLine line : unfinished.values()) {
      String reason = failure.apply(line.worker());
      if (reason != null) {
        events.add(new WorkerEvent.Finished(
            Result.failed(line.task().index(), line.worker(), reason)));
      }
    }
    for (int worker : share.workers()) {
      End end = ends.get(worker);
      long endNanos = end.ended ? end.endNanos : nowNanos;
      events.add(new WorkerEvent.Exited(worker, end.pid, end.peakRss,
          (endNanos - startNanos) / 1e9));
    }
    return events;
  }
}
