package dev.imgdl.cli.worker;

import dev.imgdl.core.download.ChunkRunner;
import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import okhttp3.Cookie;

/**
 * Thread mode: one platform thread per chunk in this JVM, started at once, each taking its
 * chunk's tasks from a {@link ChunkFeed} as the planner deals them and running them with the
 * same {@link ChunkRunner} as a child JVM, all sharing one {@link Fetcher} and so one HTTP
 * client. Results go straight onto the collector's queue.
 */
public final class ThreadWorkers implements Workers {
  private final Fetcher fetcher;
  private final ChunkRunner runner;
  private final List<ChunkFeed<Task>> feeds = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean cancelled;

  public ThreadWorkers(Fetcher fetcher) {
    this.fetcher = fetcher;
    this.runner = new ChunkRunner(fetcher);
  }

  @Override
  public int start(int chunks, BlockingQueue<WorkerEvent> events) {
    for (int id = 0; id < chunks; id++) {
      ChunkFeed<Task> feed = new ChunkFeed<>();
      feeds.add(feed);
      int worker = id;
      Thread thread = new Thread(() -> work(worker, feed, events), "imgdl-worker-" + id);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    return chunks;
  }

  private void work(int worker, ChunkFeed<Task> feed, BlockingQueue<WorkerEvent> events) {
    long start = System.nanoTime();
    try {
      runner.run(worker, feed, () -> cancelled,
          result -> events.add(new WorkerEvent.Finished(result)));
    } catch (Throwable t) {
      // Not the uncaught handler's stack trace on the console: the run stops and says it.
      events.add(new WorkerEvent.Broke(t));
    } finally {
      double seconds = (System.nanoTime() - start) / 1e9;
      events.add(new WorkerEvent.Exited(worker, ProcessHandle.current().pid(), 0, seconds));
    }
  }

  @Override
  public List<Cookie> cookies() {
    return fetcher.cookies().all();
  }

  @Override
  public void deal(int worker, Task task) {
    feeds.get(worker).add(task);
  }

  @Override
  public void endOfTasks() {
    feeds.forEach(ChunkFeed::end);
  }

  @Override
  public void cancel() {
    cancelled = true;
    feeds.forEach(ChunkFeed::stop);
    fetcher.cancel();
    threads.forEach(Thread::interrupt);
  }

  /** Nothing to end: the worker threads are daemons, and {@link #cancel} already woke them. */
  @Override
  public void close() {}
}
