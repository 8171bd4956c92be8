package dev.imgdl.core.download;

import java.util.concurrent.TimeUnit;

/**
 * A rate of bytes per second kept as a time: the moment by which everything reserved so far has
 * been paid for at the rate (a generic cell rate algorithm). A reservation moves that moment on by
 * its cost and says how long the caller waits; time left unused is kept only up to a twentieth
 * of a second, so that an idle spell cannot be spent later as a burst. Thread-safe.
 */
public final class TokenBucket implements ByteBudget {
  private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final long bytesPerSecond;
  private final double nanosPerByte;
  private long paidUntil;

  public TokenBucket(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("a rate must be positive, not " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
    this.nanosPerByte = 1e9 / bytesPerSecond;
    this.paidUntil = System.nanoTime();
  }

  /** Reserves {@code bytes} and returns how many nanoseconds the caller waits before using them. */
  public synchronized long reserve(long bytes) {
    long now = System.nanoTime();
    double cost = Math.min(bytes * nanosPerByte, (double) TimeUnit.DAYS.toNanos(1));
    paidUntil = Math.max(paidUntil, now) + (long) cost;
    return Math.max(0, paidUntil - now - BURST_NANOS);
  }

  @Override
  public void spend(long bytes) throws InterruptedException {
    long wait = reserve(bytes);
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  @Override
  public int readSize() {
    return ByteBudget.readSize(bytesPerSecond);
  }
}
