package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.jpeg.JpegMemory;
import dev.imgdl.core.image.jpeg.KeptBytes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transforms of a JVM that may decode, resize and encode at once: one per core by default.
 * The work is CPU-bound, so more at once goes no faster, and each one holds a full-size raster
 * that more in flight would only keep alive longer. Each slot keeps the byte array its last
 * JPEG was decoded into and lends it to the next: a 1024×768 photo's raster is 2.4 MB, which
 * G1 allocates as a humongous object, and allocating one an image made a JVM with the default
 * heap grow to over 2 GB at {@code -w 16} (docs/benchmarks.md). An array larger than {@code
 * maxBytes} is lent once and not kept. So are the coefficients and planes of a JPEG that
 * {@link dev.imgdl.core.image.jpeg.JpegDecoder} decodes.
 */
final class DecodeSlots {
  private final BlockingQueue<Slot> free;
  private final int maxBytes;

  DecodeSlots(int count, int maxBytes) {
    if (count < 1) {
      throw new IllegalArgumentException(count + " decode slots");
    }
    this.free = new ArrayBlockingQueue<>(count, true);
    this.maxBytes = maxBytes;
    for (int i = 0; i < count; i++) {
      free.add(new Slot());
    }
  }

  /** One slot a core, keeping in all at most an eighth of the heap. */
  static DecodeSlots ofCores() {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    long share = Runtime.getRuntime().maxMemory() / 8 / cores;
    return new DecodeSlots(cores, (int) Math.min(Integer.MAX_VALUE - 8, share));
  }

  /** Waits, first come first served, until a slot is free, and takes it. */
  Slot acquire() throws InterruptedException {
    Slot slot = free.take();
    slot.lent.set(true);
    return slot;
  }

  /** A transform's turn; closing it gives it back (once). */
  final class Slot implements AutoCloseable {
    private final AtomicBoolean lent = new AtomicBoolean();
    private final KeptBytes raster = new KeptBytes(maxBytes);
    private final JpegMemory jpeg = new JpegMemory(maxBytes);

    private Slot() {}

    /** The working arrays of {@link dev.imgdl.core.image.jpeg.JpegDecoder}, kept as the raster. */
    JpegMemory jpegMemory() {
      return jpeg;
    }

    /**
     * An array of at least {@code length} bytes whose first {@code length} are zero (a
     * truncated JPEG leaves rows unwritten, which must read as a fresh array's), valid until
     * the slot is closed.
     */
    byte[] bytes(int length) {
      return raster.zeroed(length);
    }

    @Override
    public void close() {
      if (lent.compareAndSet(true, false)) {
        free.add(this);
      }
    }
  }
}
