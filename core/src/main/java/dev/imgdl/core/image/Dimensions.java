package dev.imgdl.core.image;

/**
 * The pixel size of an image as its header states it, read without decoding the image.
 *
 * @param width in pixels, at least 1
 * @param height in pixels, at least 1
 */
public record Dimensions(int width, int height) {
  public Dimensions {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("not a size: " + width + "x" + height);
    }
  }

  /** The size, or null when either side is not a positive number. */
  static Dimensions of(long width, long height) {
    if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      return null;
    }
    return new Dimensions((int) width, (int) height);
  }

  long area() {
    return (long) width * height;
  }
}
