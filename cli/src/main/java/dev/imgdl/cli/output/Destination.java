package dev.imgdl.cli.output;

import dev.imgdl.cli.worker.Collector;
import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;

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
