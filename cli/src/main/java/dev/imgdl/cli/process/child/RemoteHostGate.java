package dev.imgdl.cli.process.child;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.core.download.HostGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link HostGate} of a child JVM: it asks the parent for each permit over the pipe, so that
 * {@code --per-host} and {@code --rate} hold for the whole run and not per child.
 */
final class RemoteHostGate implements HostGate {
  private final PipeWriter<ToParent> toParent;
  private final AtomicLong ids = new AtomicLong();
  private final ConcurrentHashMap<Long, CompletableFuture<Boolean>> pending =
      new ConcurrentHashMap<>();

  RemoteHostGate(PipeWriter<ToParent> toParent) {
    this.toParent = toParent;
  }

  @Override
  public Permit acquire(String host, long deadlineNanos) throws InterruptedException {
    long id = ids.incrementAndGet();
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    pending.put(id, answer);
    long waitNanos = deadlineNanos - System.nanoTime();
    try {
      toParent.send(new Acquire(id, host, TimeUnit.NANOSECONDS.toMillis(waitNanos)));
      // The parent answers by the deadline; the extra second covers the trip over the pipe.
      boolean granted = answer.get(waitNanos + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
      if (!granted) {
        throw new GateTimeoutException();
      }
    } catch (TimeoutException | ExecutionException e) {
      release(id);
      throw new GateTimeoutException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pending.remove(id);
    }
    AtomicBoolean unsent = new AtomicBoolean(true);
    AtomicBoolean open = new AtomicBoolean(true);
    return new Permit() {
      @Override
      public void started() {
        if (unsent.compareAndSet(true, false)) {
          tell(new Started(id));
        }
      }

      @Override
      public void close() {
        if (open.compareAndSet(true, false)) {
          release(id);
        }
      }
    };
  }

  /** The parent's answer to an acquire. */
  void answer(long id, boolean granted) {
    CompletableFuture<Boolean> answer = pending.get(id);
    if (answer != null) {
      answer.complete(granted);
    } else if (granted) {
      release(id);
    }
  }

  private void release(long id) {
    tell(new Release(id));
  }

  private void tell(ToParent message) {
    try {
      toParent.send(message);
    } catch (IOException e) {
      // The parent is gone; the stdin watcher ends this JVM.
    }
  }
}
