package dev.imgdl.download;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link HostGate} of one JVM: a fair semaphore per host for {@code --per-host}, and a
 * schedule of start times per host for {@code --rate}, so that request starts to one host are at
 * least {@code 1/rate} seconds apart.
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
    try {
      if (intervalNanos > 0) {
        h.waitForStart(intervalNanos, deadlineNanos);
      }
    } catch (InterruptedException | RuntimeException e) {
      if (h.slots != null) {
        h.slots.release();
      }
      throw e;
    }
    if (h.slots == null) {
      return () -> {};
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.compareAndSet(true, false)) {
        h.slots.release();
      }
    };
  }

  private static final class Host {
    final Semaphore slots;
    private long nextStart = System.nanoTime();

    Host(int perHost) {
      this.slots = perHost > 0 ? new Semaphore(perHost, true) : null;
    }

    void waitForStart(long intervalNanos, long deadlineNanos) throws InterruptedException {
      long start;
      synchronized (this) {
        start = Math.max(System.nanoTime(), nextStart);
        if (start > deadlineNanos) {
          throw new GateTimeoutException();
        }
        nextStart = start + intervalNanos;
      }
      for (long wait; (wait = start - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }
  }
}
