package dev.imgdl.worker;

import dev.imgdl.result.Result;

/** What a worker tells the collector: one entry's result, or that the worker is done. */
public sealed interface WorkerEvent {

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
