package dev.imgdl.worker;

import dev.imgdl.input.Task;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Runs chunks of tasks, one worker per non-empty chunk, and reports every result and every
 * worker's end on a queue. Implementations differ only in where the download core runs.
 */
public interface Workers extends AutoCloseable {

  /**
   * Starts one worker per non-empty chunk, worker {@code i} taking {@code chunks.get(i)}.
   *
   * @return how many workers were started, and so how many {@link WorkerEvent.Exited} will come
   */
  int start(List<List<Task>> chunks, BlockingQueue<WorkerEvent> events);

  /** Asks every worker to stop: in-flight downloads are cancelled and end as interrupted. */
  void cancel();

  /** Ends whatever still runs, without waiting for results; safe to call more than once. */
  @Override
  void close();
}
