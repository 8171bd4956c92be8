package dev.imgdl.cli.process.child;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.ChunkEnd;
import dev.imgdl.cli.process.pipe.PipeMessage.ResultLine;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.cli.worker.Memory;
import dev.imgdl.core.download.ChunkRunner;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A child JVM's chunks, each run on a thread of its own with the one {@link ChunkRunner} of the
 * child, as thread mode runs them, taking the tasks from the chunk's feed as the parent sends
 * them: one result line per entry, then a {@link ChunkEnd} line per
 * chunk, so that the parent can time each worker. A pipe that breaks ends every chunk's run.
 */
final class ChunkThreads {
  private final ChunkRunner runner;
  private final PipeWriter<ToParent> out;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<IOException> broken = new AtomicReference<>();

  ChunkThreads(ChunkRunner runner, PipeWriter<ToParent> out) {
    this.runner = runner;
    this.out = out;
  }

  /**
   * Runs the chunks, feed by worker id, until each feed ends or {@code cancelled} stops it, and
   * returns then.
   *
   * @throws IOException if the pipe to the parent broke
   */
  void run(Map<Integer, ChunkFeed<Task>> chunks, BooleanSupplier cancelled) throws IOException {
    synchronized (threads) {
      chunks.forEach((worker, feed) -> threads.add(
          new Thread(() -> runChunk(worker, feed, cancelled), "imgdl-worker-" + worker)));
      threads.forEach(Thread::start);
    }
    for (Thread t : threads) {
      joinUninterruptibly(t);
    }
    IOException e = broken.get();
    if (e != null) {
      throw e;
    }
  }

  private void runChunk(int worker, ChunkFeed<Task> feed, BooleanSupplier cancelled) {
    try {
      runner.run(worker, feed, cancelled, this::send);
      out.send(new ChunkEnd(worker, Memory.peakRssBytes()));
    } catch (UncheckedIOException e) {
      broken.compareAndSet(null, e.getCause());
    } catch (IOException e) {
      broken.compareAndSet(null, e);
    } catch (Throwable t) {
      ChildMain.broke(t);
    }
  }

  /** The chunk runner's sink: a pipe that breaks ends the chunk. */
  private void send(Result result) {
    try {
      out.send(new ResultLine(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Wakes every chunk's thread from a wait between attempts. */
  void interrupt() {
    synchronized (threads) {
      threads.forEach(Thread::interrupt);
    }
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
