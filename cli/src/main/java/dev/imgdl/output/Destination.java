package dev.imgdl.output;

import dev.imgdl.input.PlanView;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.worker.Collector;

/**
 * Where a run's downloads end up, as the run sees it: the name each task is written under, the
 * tasks that need no request (their target is there already), and what a result becomes before
 * it is filed. Plain files ({@link FilesDestination}) file results as they come; webdataset shards
 * ({@link ShardAssembler}) hold downloads until their shard is written.
 */
public interface Destination extends Collector.Settler {
  /** The task its worker runs: the planned one, placed. Called on the planning thread. */
  Task place(Task task);

  /**
   * The result of {@code task} as skipped, for {@code worker}, when it needs no request; null
   * when it is to be downloaded. Called on the planning thread.
   */
  Result skip(Task task, int worker);

  /** The plan as it grows, before planning starts. */
  default void planning(PlanView view) {}

  /** After an interrupt: nothing more is written, held downloads are not kept. */
  default void stop() {}
}
