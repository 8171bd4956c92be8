package dev.imgdl.core.image.transform;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The pixels that all transforms of a JVM may hold at once, so that 256 workers decoding large
 * photos cannot exhaust the heap: a transform acquires its pixels before decoding and releases
 * them after encoding. Waiting is first come, first served (a large image is not starved by
 * small ones), and interruptible. An image larger than the whole budget takes all of it: it waits
 * until it is alone, then runs.
 *
 * <p>A pixel stands for {@link #BYTES_PER_PIXEL} bytes at the peak of a transform (the decoded
 * raster, its 8-bit copy, the oriented and resampled copies), so the default budget, half of the
 * heap, is {@code Runtime.maxMemory() / 2 / 16} pixels: 8 million (ten 1024×768 photos at once)
 * in a 256 MB child JVM.
 *
 * <p>Its {@link DecodeSlots} bound the transforms that run at once to the cores, and lend
 * each the raster its JPEG is decoded into.
 */
public final class PixelBudget {
  /** The bytes a pixel of a transform in flight is counted for. */
  public static final int BYTES_PER_PIXEL = 16;

  private final int capacity;
  private final Semaphore pixels;
  private final DecodeSlots slots = DecodeSlots.ofCores();

  /** A budget of {@code capacity} pixels (at least 1, at most {@link Integer#MAX_VALUE}). */
  public PixelBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a pixel budget of " + capacity);
    }
    this.capacity = (int) Math.min(Integer.MAX_VALUE, capacity);
    this.pixels = new Semaphore(this.capacity, true);
  }

  /** Half of this JVM's heap. */
  public static PixelBudget ofHeap() {
    return new PixelBudget(Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_PIXEL);
  }

  public long capacity() {
    return capacity;
  }

  /** The pixels free now: the capacity when nothing is in flight. */
  public long available() {
    return pixels.availablePermits();
  }

  DecodeSlots slots() {
    return slots;
  }

  /** Waits until {@code count} pixels (or the whole budget, if more) are free, and takes them. */
  public Permit acquire(long count) throws InterruptedException {
    int taken = (int) Math.max(1, Math.min(count, capacity));
    pixels.acquire(taken);
    return new Permit(taken);
  }

  /** Pixels held; closing gives them back, once. */
  public final class Permit implements AutoCloseable {
    private final int taken;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Permit(int taken) {
      this.taken = taken;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        pixels.release(taken);
      }
    }
  }
}
