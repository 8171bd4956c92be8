package dev.imgdl.core.download;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link HostGate} of one JVM: a fair semaphore per host for {@code --per-host}, and for
 * {@code --rate} one start at a time per host: a permit is granted no sooner than {@code 1/rate}
 * after the previous request to the host was actually sent, and not while another granted
 * request has not been sent yet. Spacing the grants on a schedule instead would let a request
 * that leaves late (a slow thread, a child JVM across a pipe) arrive right before the next one.
 */
public final class LocalHostGate implements HostGate {
  private final int perHost;
  private final long intervalNanos;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  public LocalHostGate(int perHost, double rate) {
    this.perHost = perHost;
    this.intervalNanos = rate > 0 ? Math.round(1_000_000_000L / rate) : 0;
  }

  /** A gate for the settings, or {@link HostGate#OPEN} when nothing is limited. */
  public static HostGate of(int perHost, double rate) {
    return perHost == 0 && rate <= 0 ? OPEN : new LocalHostGate(perHost, rate);
  }

  @Override
  public Permit acquire(String host, long deadlineNanos) throws InterruptedException {
    Host h = hosts.computeIfAbsent(host, k -> new Host(perHost));
    if (h.slots != null) {
      long wait = deadlineNanos - System.nanoTime();
      if (wait <= 0 || !h.slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
        throw new GateTimeoutException();
      }
    }
    boolean paced = intervalNanos > 0;
    try {
      if (paced) {
        h.waitForTurn(intervalNanos, deadlineNanos);
      }
    } catch (InterruptedException | RuntimeException e) {
      if (h.slots != null) {
        h.slots.release();
      }
      throw e;
    }
    return new HostPermit(h, paced);
  }

  private static final class HostPermit implements Permit {
    private final Host host;
    private final AtomicBoolean unsent;
    private final AtomicBoolean open = new AtomicBoolean(true);

    HostPermit(Host host, boolean paced) {
      this.host = host;
      this.unsent = new AtomicBoolean(paced);
    }

    @Override
    public void started() {
      if (unsent.compareAndSet(true, false)) {
        host.sent(true);
      }
    }

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        if (unsent.compareAndSet(true, false)) {
          host.sent(false);
        }
        if (host.slots != null) {
          host.slots.release();
        }
      }
    }
  }

  private static final class Host {
    final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private boolean granted;
    private boolean anySent;
    private long lastSent;

    Host(int perHost) {
      this.slots = perHost > 0 ? new Semaphore(perHost, true) : null;
    }

    void waitForTurn(long intervalNanos, long deadlineNanos) throws InterruptedException {
      lock.lockInterruptibly();
      try {
        while (true) {
          long now = System.nanoTime();
          long earliest = anySent ? lastSent + intervalNanos : now;
          if (!granted && now - earliest >= 0) {
            granted = true;
            return;
          }
          if (!granted && earliest - deadlineNanos > 0 || deadlineNanos - now <= 0) {
            throw new GateTimeoutException();
          }
          long wait = granted ? deadlineNanos - now : earliest - now;
          changed.awaitNanos(wait);
        }
      } finally {
        lock.unlock();
      }
    }

    /** The granted request was sent now, or was given up without being sent. */
    void sent(boolean really) {
      lock.lock();
      try {
        if (really) {
          anySent = true;
          lastSent = System.nanoTime();
        }
        granted = false;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
