package dev.imgdl.core.image.jpeg;

/**
 * The working arrays of one decode at a time (the DCT coefficients and the component planes),
 * kept for the next so that a photo makes almost no garbage. Not thread-safe: one per thread
 * or per decode slot. Arrays longer than {@code maxBytes} are lent once and not kept.
 */
public final class JpegMemory {
  private final long maxBytes;
  private short[] coefficients = new short[0];
  private final KeptBytes planes;
  private final KeptBytes extents;

  public JpegMemory(long maxBytes) {
    this.maxBytes = maxBytes;
    this.planes = new KeptBytes(maxBytes);
    this.extents = new KeptBytes(maxBytes);
  }

  /** At least {@code length} shorts, the first {@code length} zero. */
  short[] coefficients(int length) {
    if (coefficients.length >= length) {
      java.util.Arrays.fill(coefficients, 0, length, (short) 0);
      return coefficients;
    }
    short[] fresh = new short[length];
    if (2L * length <= maxBytes) {
      coefficients = fresh;
    }
    return fresh;
  }

  /** At least {@code length} bytes, the first {@code length} zero. */
  byte[] extents(int length) {
    return extents.zeroed(length);
  }

  /** At least {@code length} bytes, of any content. */
  byte[] planes(int length) {
    return planes.any(length);
  }
}
