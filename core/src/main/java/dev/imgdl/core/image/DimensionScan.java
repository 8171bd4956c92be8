package dev.imgdl.core.image;

/**
 * Reads an image's width and height from its body as the body streams past, once, front to
 * back, holding only the range the format's reader asks for ({@link ImageDimensions}: at most
 * 64 KiB). A download and a check both feed their body through one of these, so both report the
 * same size; a file is read the same way. Not for several threads.
 */
public final class DimensionScan {
  /** The most a reader may ask for at once: AVIF's search for its {@code ispe} properties. */
  static final int MAX_WINDOW = 64 * 1024;
  /** Bounds a reader that keeps asking: a malformed header costs no more than this. */
  private static final int MAX_STEPS = 10_000;

  private Want want;
  private long position;
  private byte[] buffer = new byte[0];
  private int filled;
  private int steps;

  private DimensionScan(Want first) {
    want = first;
    if (first instanceof Want.Bytes range) {
      buffer = new byte[range.length()];
    }
  }

  /** A scan of a body of {@code format}; null has no size. */
  public static DimensionScan of(ImageFormat format) {
    return new DimensionScan(
        format == null ? Want.answer(null) : ImageDimensions.start(format));
  }

  /** The next {@code length} bytes of the body. */
  public void accept(byte[] bytes, int offset, int length) {
    while (want instanceof Want.Bytes range) {
      if (filled == range.length()) {
        advance(range);
        continue;
      }
      if (length == 0) {
        return;
      }
      long wantedFrom = range.at() + filled;
      if (position < wantedFrom) {
        int skip = (int) Math.min(length, wantedFrom - position);
        position += skip;
        offset += skip;
        length -= skip;
        continue;
      }
      int copy = Math.min(length, range.length() - filled);
      System.arraycopy(bytes, offset, buffer, filled, copy);
      filled += copy;
      position += copy;
      offset += copy;
      length -= copy;
    }
  }

  /** The size, once the whole body went past; null when the header does not say. */
  public Dimensions finish() {
    while (want instanceof Want.Bytes range) {
      advance(range);
    }
    return ((Want.Answer) want).size();
  }

  /** Hands the range to its reader and makes room for the next, keeping what overlaps it. */
  private void advance(Want.Bytes range) {
    byte[] held = buffer;
    int heldLength = filled;
    try {
      want = ++steps > MAX_STEPS ? Want.answer(null)
          : checked(range, range.then().next(new Window(range.at(), held, heldLength)));
    } catch (RuntimeException e) {
      // A header too odd for its reader has no size; it is never a reason to fail an entry.
      want = Want.answer(null);
    }
    filled = 0;
    if (want instanceof Want.Bytes next) {
      buffer = new byte[next.length()];
      long kept = Math.min(range.at() + heldLength - next.at(), next.length());
      if (kept > 0) {
        System.arraycopy(held, (int) (next.at() - range.at()), buffer, 0, (int) kept);
        filled = (int) kept;
      }
    }
  }

  /** The reader's next range, which must not start before the last nor be too long. */
  private static Want checked(Want.Bytes last, Want next) {
    if (next instanceof Want.Bytes range && (range.length() < 0
        || range.length() > MAX_WINDOW || range.at() < last.at())) {
      throw new IllegalStateException("a header reader asked for " + range.length()
          + " bytes at " + range.at() + " after " + last.at());
    }
    return next;
  }
}
