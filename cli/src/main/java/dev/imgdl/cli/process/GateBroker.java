package dev.imgdl.cli.process;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Deny;
import dev.imgdl.cli.process.pipe.PipeMessage.Grant;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.core.download.HostGate;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parent's side of the shared politeness budget in process mode: it answers the children's
 * {@link Acquire} lines from one {@link HostGate} and returns permits on {@link
 * PipeMessage.Release}, or when a child dies holding them.
 */
final class GateBroker implements AutoCloseable {
  private final HostGate gate;
  private final ExecutorService waiters =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "imgdl-gate");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, HostGate.Permit> held = new ConcurrentHashMap<>();
  /** The last seat's key: a relaunched child gets a new one, and cannot return its forerunner's. */
  private final AtomicInteger seats = new AtomicInteger();

  GateBroker(HostGate gate) {
    this.gate = gate;
  }

  /** A place at the broker for a newly started child, answered on {@code toChild}. */
  Seat seat(PipeWriter<ToChild> toChild) {
    return new Seat(seats.incrementAndGet(), toChild);
  }

  /** One child's permits, kept apart from every other child's. */
  final class Seat {
    private final int key;
    private final PipeWriter<ToChild> toChild;

    private Seat(int key, PipeWriter<ToChild> toChild) {
      this.key = key;
      this.toChild = toChild;
    }

    /** Handles an acquire from the child, answering it when decided. */
    void acquire(Acquire m) {
      GateBroker.this.acquire(key, m, toChild);
    }

    /** The child sent the request of permit {@code id}: pacing counts from now. */
    void started(long id) {
      GateBroker.this.started(key, id);
    }

    void release(long id) {
      GateBroker.this.release(key, id);
    }

    /** Returns every permit the child held: it is gone. */
    void releaseAll() {
      GateBroker.this.releaseAll(key);
    }
  }

  private void acquire(int child, Acquire m, PipeWriter<ToChild> toChild) {
    waiters.execute(
        () -> {
          long deadline =
              System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, m.waitMillis()));
          boolean granted;
          try {
            held.put(child + ":" + m.id(), gate.acquire(m.host(), deadline));
            granted = true;
          } catch (HostGate.GateTimeoutException e) {
            granted = false;
          } catch (InterruptedException e) {
            return;
          }
          try {
            toChild.send(granted ? new Grant(m.id()) : new Deny(m.id()));
          } catch (IOException e) {
            release(child, m.id());
          }
        });
  }

  private void started(int child, long id) {
    HostGate.Permit permit = held.get(child + ":" + id);
    if (permit != null) {
      permit.started();
    }
  }

  private void release(int child, long id) {
    HostGate.Permit permit = held.remove(child + ":" + id);
    if (permit != null) {
      permit.close();
    }
  }

  private void releaseAll(int child) {
    String prefix = child + ":";
    held.keySet().removeIf(
        key -> {
          if (key.startsWith(prefix)) {
            HostGate.Permit p = held.get(key);
            if (p != null) {
              p.close();
            }
            return true;
          }
          return false;
        });
  }

  @Override
  public void close() {
    waiters.shutdownNow();
  }
}
