package dev.imgdl.core.download;

import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.text.ThrowableText;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one worker's chunk through a {@link Fetcher}, in order, on the calling thread, taking each
 * task from the chunk's feed as the planner deals it (waiting while the feed is empty): the loop of
 * a thread worker and of a child JVM alike, so that both modes settle an entry the same way. Each
 * entry it takes gets exactly one result, handed to the sink, and an unexpected error in the core
 * becomes that entry's {@code internal error}, never a lost entry or a dead worker (a {@link
 * VirtualMachineError} reaches the caller, which stops the run). Once the
 * cancel signal is up, or its thread is interrupted while it waits for a task, it takes no new
 * entry: those left get no result here, and the run reports them as interrupted.
 */
public final class ChunkRunner {
  private static final Logger log = LoggerFactory.getLogger(ChunkRunner.class);

  private final Fetcher fetcher;

  public ChunkRunner(Fetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Runs {@code chunk} as {@code worker} until its feed ends, checking {@code cancelled} before
   * each entry. An exception thrown by {@code sink} ends the run and reaches the caller.
   *
   * @return how many entries of the chunk got a result
   */
  public int run(int worker, ChunkFeed<Task> chunk, BooleanSupplier cancelled,
      Consumer<Result> sink) {
    int done = 0;
    while (!cancelled.getAsBoolean()) {
      Task task;
      try {
        task = chunk.next();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (task == null || cancelled.getAsBoolean()) {
        break;
      }
      sink.accept(fetch(task, worker));
      done++;
    }
    return done;
  }

  /**
   * The core returns failures as values; this guards against a bug becoming a lost entry. A
   * {@link VirtualMachineError} (out of memory, a stack overflow) is not the entry's doing and
   * leaves the JVM in doubt: it reaches the caller, which stops the run.
   */
  private Result fetch(Task task, int worker) {
    try {
      return fetcher.fetch(task, worker);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (RuntimeException | Error e) {
      // In words, as every failure line; the stack trace is for -v.
      log.info("internal error on entry {}", task.index() + 1, e);
      return Result.failed(task.index(), worker, "internal error: " + ThrowableText.reason(e));
    }
  }
}
