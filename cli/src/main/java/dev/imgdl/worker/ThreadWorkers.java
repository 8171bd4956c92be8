package dev.imgdl.worker;

import dev.imgdl.download.ChunkRunner;
import dev.imgdl.download.Fetcher;
import dev.imgdl.input.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Thread mode: one platform thread per chunk in this JVM, each running its chunk with the same
 * {@link ChunkRunner} as a child JVM, all sharing one {@link Fetcher} and so one HTTP client.
 * Results go straight onto the collector's queue.
 */
public final class ThreadWorkers implements Workers {
  private final Fetcher fetcher;
  private final ChunkRunner runner;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean cancelled;

  public ThreadWorkers(Fetcher fetcher) {
    this.fetcher = fetcher;
    this.runner = new ChunkRunner(fetcher);
  }

  @Override
  public int start(List<List<Task>> chunks, BlockingQueue<WorkerEvent> events) {
    threads.addAll(Workers.threadPerChunk(chunks, "imgdl-worker-",
        (worker, chunk) -> work(worker, chunk, events)));
    return threads.size();
  }

  private void work(int worker, List<Task> chunk, BlockingQueue<WorkerEvent> events) {
    long start = System.nanoTime();
    try {
      runner.run(worker, chunk, () -> cancelled,
          result -> events.add(new WorkerEvent.Finished(result)));
    } finally {
      double seconds = (System.nanoTime() - start) / 1e9;
      events.add(new WorkerEvent.Exited(worker, ProcessHandle.current().pid(), 0, seconds));
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    fetcher.cancel();
    threads.forEach(Thread::interrupt);
  }

  /** Nothing to end: the worker threads are daemons, and {@link #cancel} already woke them. */
  @Override
  public void close() {}
}
