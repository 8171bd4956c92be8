package dev.imgdl.cli.process.child;

import dev.imgdl.cli.process.pipe.PipeMessage.Bytes;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.core.download.ByteBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link ByteBudget} of a child JVM: it asks the parent's one budget for bytes over the pipe,
 * a batch (a twentieth of a second's worth) at a time so that the pipe is not chatty, and spends
 * them locally. The parent reserves a batch and answers at once with how long to wait for it;
 * the waiting is done here, so that a child that dies holds nothing at the parent: at most the
 * batches it asked for are lost to the run.
 */
final class RemoteByteBudget implements ByteBudget {
  private final PipeWriter<ToParent> toParent;
  private final int batch;
  private final AtomicLong ids = new AtomicLong();
  private final ConcurrentHashMap<Long, CompletableFuture<Long>> pending =
      new ConcurrentHashMap<>();
  /** Bytes paid for and not yet spent; guarded by this. */
  private long allowance;

  RemoteByteBudget(PipeWriter<ToParent> toParent, long bytesPerSecond) {
    this.toParent = toParent;
    this.batch = ByteBudget.readSize(bytesPerSecond);
  }

  @Override
  public synchronized void spend(long bytes) throws InterruptedException {
    // One worker asks at a time; the others of this child wait for the same budget anyway.
    while (allowance < bytes) {
      long count = Math.max(batch, bytes - allowance);
      TimeUnit.NANOSECONDS.sleep(ask(count));
      allowance += count;
    }
    allowance -= bytes;
  }

  @Override
  public int readSize() {
    return batch;
  }

  /** The parent's answer to a {@link Bytes}. */
  void answer(long id, long waitNanos) {
    CompletableFuture<Long> answer = pending.get(id);
    if (answer != null) {
      answer.complete(waitNanos);
    }
  }

  private long ask(long count) throws InterruptedException {
    long id = ids.incrementAndGet();
    CompletableFuture<Long> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      toParent.send(new Bytes(id, count));
      return answer.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pending.remove(id);
    }
  }
}
