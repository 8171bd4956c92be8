package dev.imgdl.core.image.transform;

import java.io.Serializable;
import java.util.Objects;

/**
 * What {@link ImageTransform} does to one image: the size and mode of img2dataset's resizer, the
 * encoding, the filters on the header's size and the decode limit. A plain value, so that it can
 * cross the pipe to a child JVM and give the child exactly the parent's behaviour.
 *
 * @param size N, the side the mode brings the image to, 1 to {@link #MAX_SIZE}
 * @param mode how the image is fitted to N
 * @param onlyIfBigger resize only an image larger than N (its smaller side for {@code
 *     keep_ratio} and {@code center_crop}, its larger side otherwise), as img2dataset's
 *     {@code resize_only_if_bigger}
 * @param format what the image is saved as
 * @param quality JPEG quality 0 to 100 (PNG is lossless and ignores it)
 * @param minImageSize the smallest accepted smaller side; 0 accepts all
 * @param maxImageArea the largest accepted width × height
 * @param maxAspectRatio the largest accepted larger side / smaller side, at least 1 (may be
 *     infinite)
 * @param maxDecodePixels an image of more pixels (or whose output would have more) is never
 *     decoded
 */
public record TransformSettings(
    int size,
    ResizeMode mode,
    boolean onlyIfBigger,
    EncodeFormat format,
    int quality,
    int minImageSize,
    long maxImageArea,
    double maxAspectRatio,
    long maxDecodePixels) implements Serializable {

  /** Pillow's {@code Image.MAX_IMAGE_PIXELS}, beyond which it calls an image a bomb. */
  public static final long DEFAULT_MAX_DECODE_PIXELS = 89_478_485L;
  /** img2dataset's default JPEG quality. */
  public static final int DEFAULT_QUALITY = 95;
  /** The largest N: an N×N canvas of 4-byte pixels must fit one Java array. */
  public static final int MAX_SIZE = 16_384;

  public TransformSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(format, "format");
    check(size >= 1 && size <= MAX_SIZE, "size", size);
    check(quality >= 0 && quality <= 100, "quality", quality);
    check(minImageSize >= 0, "minImageSize", minImageSize);
    check(maxImageArea >= 1, "maxImageArea", maxImageArea);
    check(maxAspectRatio >= 1, "maxAspectRatio", maxAspectRatio);
    check(maxDecodePixels >= 1, "maxDecodePixels", maxDecodePixels);
  }

  private static void check(boolean ok, String field, Object value) {
    if (!ok) {
      throw new IllegalArgumentException("TransformSettings." + field + " out of range: " + value);
    }
  }

  /** Whether images are decoded and saved anew (every mode but {@code no}). */
  public boolean decodes() {
    return mode != ResizeMode.NO;
  }

  /** The extension every saved image gets (the encode format's), or null: the body's own. */
  public String savedExtension() {
    return decodes() ? format.extension() : null;
  }

  /**
   * What shapes the saved images, as the options that ask for it ({@code --resize 256
   * --resize-mode border --encode-format jpg --encode-quality 95}), or null when bodies are kept
   * as downloaded (mode {@code no}): the part of a dataset's layout a resume must not change.
   * The filters are not in it: they decide which entries fail, as {@code --max-size} does.
   */
  public String shape() {
    if (!decodes()) {
      return null;
    }
    return "--resize " + size + " --resize-mode " + mode.label()
        + (onlyIfBigger ? " --resize-only-if-bigger" : "")
        + " --encode-format " + format.extension()
        + (format == EncodeFormat.JPG ? " --encode-quality " + quality : "");
  }

  /** A builder: only the size is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link TransformSettings} by name, with img2dataset's defaults: {@code border}, JPEG at
   * quality 95, resizing smaller images too, no filters; decodes up to Pillow's limit.
   */
  public static final class Builder {
    private Integer size;
    private ResizeMode mode = ResizeMode.BORDER;
    private boolean onlyIfBigger;
    private EncodeFormat format = EncodeFormat.JPG;
    private int quality = DEFAULT_QUALITY;
    private int minImageSize;
    private long maxImageArea = Long.MAX_VALUE;
    private double maxAspectRatio = Double.POSITIVE_INFINITY;
    private long maxDecodePixels = DEFAULT_MAX_DECODE_PIXELS;

    private Builder() {}

    public Builder size(int size) {
      this.size = size;
      return this;
    }

    public Builder mode(ResizeMode mode) {
      this.mode = mode;
      return this;
    }

    public Builder onlyIfBigger(boolean onlyIfBigger) {
      this.onlyIfBigger = onlyIfBigger;
      return this;
    }

    public Builder format(EncodeFormat format) {
      this.format = format;
      return this;
    }

    public Builder quality(int quality) {
      this.quality = quality;
      return this;
    }

    public Builder minImageSize(int minImageSize) {
      this.minImageSize = minImageSize;
      return this;
    }

    public Builder maxImageArea(long maxImageArea) {
      this.maxImageArea = maxImageArea;
      return this;
    }

    public Builder maxAspectRatio(double maxAspectRatio) {
      this.maxAspectRatio = maxAspectRatio;
      return this;
    }

    public Builder maxDecodePixels(long maxDecodePixels) {
      this.maxDecodePixels = maxDecodePixels;
      return this;
    }

    public TransformSettings build() {
      if (size == null) {
        // As config.Required says it, which this package cannot use: config depends on it.
        throw new IllegalStateException("TransformSettings.size was not set: it has no default");
      }
      return new TransformSettings(size,
          mode, onlyIfBigger, format, quality, minImageSize, maxImageArea, maxAspectRatio,
          maxDecodePixels);
    }
  }
}
