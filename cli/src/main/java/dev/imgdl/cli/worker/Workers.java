package dev.imgdl.cli.worker;

import dev.imgdl.core.input.Task;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import okhttp3.Cookie;

/**
 * Runs the run's chunks as the planner deals their tasks, and reports every result and every
 * worker's end on a queue. The workers start before the first task is dealt and take tasks as
 * they come; {@link #endOfTasks} tells them that planning is over. Implementations differ only
 * in where the download core runs.
 */
public interface Workers extends AutoCloseable {

  /**
   * Starts the workers of {@code chunks} chunks, worker {@code i} taking what {@link #deal}
   * gives chunk {@code i}.
   *
   * @return how many {@link WorkerEvent.Exited} will come: one per chunk
   */
  int start(int chunks, BlockingQueue<WorkerEvent> events);

  /** Hands {@code task} to the chunk of {@code worker}; called in task order, by the planner. */
  void deal(int worker, Task task);

  /** No more tasks come: each worker ends once its chunk is done. */
  void endOfTasks();

  /**
   * Asks every worker to stop: in-flight downloads are cancelled and end as interrupted, and
   * entries not started yet get no result; the run settles them as interrupted.
   */
  void cancel();

  /**
   * The cookies the workers kept (a cookie file's and those servers set), for the cookie jar;
   * none when the run keeps no cookies. Complete once the workers have ended.
   */
  List<Cookie> cookies();

  /** Ends whatever still runs, without waiting for results; safe to call more than once. */
  @Override
  void close();
}
