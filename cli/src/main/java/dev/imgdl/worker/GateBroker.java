package dev.imgdl.worker;

import dev.imgdl.download.HostGate;
import dev.imgdl.worker.PipeMessage.Acquire;
import dev.imgdl.worker.PipeMessage.Deny;
import dev.imgdl.worker.PipeMessage.Grant;
import dev.imgdl.worker.PipeMessage.ToChild;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

  GateBroker(HostGate gate) {
    this.gate = gate;
  }

  /** Handles an acquire from a child, answering on {@code toChild} when decided. */
  void acquire(int child, Acquire m, PipeWriter<ToChild> toChild) {
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

  /** The child sent the request of permit {@code id}: pacing counts from now. */
  void started(int child, long id) {
    HostGate.Permit permit = held.get(child + ":" + id);
    if (permit != null) {
      permit.started();
    }
  }

  void release(int child, long id) {
    HostGate.Permit permit = held.remove(child + ":" + id);
    if (permit != null) {
      permit.close();
    }
  }

  /** Returns every permit a dead child held. */
  void releaseAll(int child) {
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
