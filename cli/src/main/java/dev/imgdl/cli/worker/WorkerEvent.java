package dev.imgdl.cli.worker;

import dev.imgdl.core.result.Result;

/**
 * What reaches the collector: one entry's result, that a worker is done or broke, or that
 * planning ended.
 */
public sealed interface WorkerEvent {

  /** Planning has ended: {@code total} entries were planned, none will follow. */
  record PlanningEnded(int total) implements WorkerEvent {}

  /**
   * A worker's thread met a throwable nothing expected (out of memory, a bug): the run must
   * stop. The worker's {@link Exited} still follows.
   */
  record Broke(Throwable cause) implements WorkerEvent {}

  /** One entry is finished. */
  record Finished(Result result) implements WorkerEvent {}

  /**
   * A worker has finished its chunk, for good: no more results come from it.
   *
   * @param pid process id of the JVM that ran it (the child's in process mode)
   * @param peakRssBytes peak resident memory of that process, or 0 when unknown
   * @param seconds wall time from the worker's start to its end, child start-up included
   */
  record Exited(int worker, long pid, long peakRssBytes, double seconds) implements WorkerEvent {}
}
