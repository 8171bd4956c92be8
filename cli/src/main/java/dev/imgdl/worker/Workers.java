package dev.imgdl.worker;

import dev.imgdl.input.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

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

  /**
   * Starts one daemon thread per non-empty chunk, running {@code body} with the worker id and its
   * chunk: the start of thread mode ({@link ChunkThreads} is a child JVM's).
   */
  static List<Thread> threadPerChunk(
      List<List<Task>> chunks, String name, BiConsumer<Integer, List<Task>> body) {
    List<Thread> threads = new ArrayList<>();
    for (int id = 0; id < chunks.size(); id++) {
      List<Task> chunk = chunks.get(id);
      if (!chunk.isEmpty()) {
        int worker = id;
        Thread thread = new Thread(() -> body.accept(worker, chunk), name + id);
        thread.setDaemon(true);
        threads.add(thread);
      }
    }
    threads.forEach(Thread::start);
    return threads;
  }

  /**
   * Asks every worker to stop: in-flight downloads are cancelled and end as interrupted, and
   * entries not started yet get no result; the run settles them as interrupted.
   */
  void cancel();

  /** Ends whatever still runs, without waiting for results; safe to call more than once. */
  @Override
  void close();
}
