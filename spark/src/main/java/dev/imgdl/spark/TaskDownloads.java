package dev.imgdl.spark;

import dev.imgdl.core.download.ChunkRunner;
import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * One Spark task's downloads on its own threads: the tasks are dealt round-robin into {@code
 * workers} chunks, and each chunk runs through the core's {@link ChunkRunner}, as a thread
 * worker of the CLI does. Every task gets exactly one result; one left when the task is killed
 * ends as interrupted.
 */
final class TaskDownloads {
  private TaskDownloads() {}

  /** The results of {@code tasks}, by their index (0 to size - 1). */
  static Result[] run(Fetcher fetcher, List<Task> tasks, int workers, BooleanSupplier killed)
      throws InterruptedException {
    Result[] results = new Result[tasks.size()];
    int threads = Math.max(1, Math.min(workers, tasks.size()));
    List<List<Task>> chunks = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      chunks.add(new ArrayList<>());
    }
    for (Task t : tasks) {
      chunks.get(t.index() % threads).add(t);
    }
    ChunkRunner runner = new ChunkRunner(fetcher);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, "imgdl-download");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        ChunkFeed<Task> feed = ChunkFeed.of(chunks.get(w));
        done.add(pool.submit(() -> runner.run(worker, feed, killed, r -> results[r.index()] = r)));
      }
      for (Future<Integer> f : done) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a download thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = Result.failed(i, null, Result.INTERRUPTED);
      }
    }
    return results;
  }
}
