package dev.imgdl.core.image.jpeg;

import java.util.Arrays;

/**
 * A byte array lent to one decode at a time and kept for the next, so that a photo a second
 * makes almost no garbage: a 1024×768 raster is 2.4 MB, which G1 allocates as a humongous
 * object. An array longer than {@code maxBytes} is lent once and not kept. Not thread-safe.
 */
public final class KeptBytes {
  private final long maxBytes;
  private byte[] kept = new byte[0];

  public KeptBytes(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** At least {@code length} bytes whose first {@code length} are zero. */
  public byte[] zeroed(int length) {
    if (kept.length >= length) {
      Arrays.fill(kept, 0, length, (byte) 0);
      return kept;
    }
    return any(length); // a new array: zero already
  }

  /** At least {@code length} bytes, of any content. */
  public byte[] any(int length) {
    if (kept.length >= length) {
      return kept;
    }
    byte[] fresh = new byte[length];
    if (length <= maxBytes) {
      kept = fresh;
    }
    return fresh;
  }
}
