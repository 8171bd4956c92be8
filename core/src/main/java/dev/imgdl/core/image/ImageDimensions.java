package dev.imgdl.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Width and height of an image, read from its header without decoding it: each format's reader
 * asks for a few small ranges of the body, front to back, which a {@link DimensionScan} hands it
 * as the body streams past (see {@link SegmentedDimensions} for JPEG, TIFF and AVIF, whose size
 * may lie past a long metadata block). A header that does not say, or says something impossible,
 * gives null: the size is a fact for the metadata, never a reason to fail an entry.
 *
 * <p>ICO: the largest image of the directory (by area, the first of equals). SVG: the root's
 * {@code width} and {@code height} when both are plain numbers (optionally {@code px}), else
 * null, since a size in {@code %} or {@code em} has no pixel value without a viewport.
 */
public final class ImageDimensions {
  private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
  private static final String NUMBER = "\\s*[\"']\\s*(\\d{1,9})(?:\\.0*)?(?:px)?\\s*[\"']";
  private static final Pattern SVG_WIDTH = Pattern.compile("\\swidth\\s*=" + NUMBER);
  private static final Pattern SVG_HEIGHT = Pattern.compile("\\sheight\\s*=" + NUMBER);
  private static final int ICO_MAX_IMAGES = 256;

  private ImageDimensions() {}

  /** The size of the image in {@code file} of {@code format}, or null when unknown. */
  public static Dimensions read(Path file, ImageFormat format) {
    DimensionScan scan = DimensionScan.of(format);
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        scan.accept(buffer, 0, n);
      }
    } catch (IOException e) {
      return null;
    }
    return scan.finish();
  }

  /** The first range the reader of {@code format} asks for. */
  static Want start(ImageFormat format) {
    return switch (format) {
      case JPEG -> SegmentedDimensions.jpeg();
      case PNG -> Want.bytes(16, 8, w -> size(w.be(16, 4), w.be(20, 4)));
      case GIF -> Want.bytes(6, 4, w -> size(w.le(6, 2), w.le(8, 2)));
      case WEBP -> Want.bytes(12, 18, ImageDimensions::webp);
      case BMP -> Want.bytes(14, 12, ImageDimensions::bmp);
      case TIFF -> SegmentedDimensions.tiff();
      case ICO -> Want.bytes(4, 2, ImageDimensions::icoDirectory);
      case AVIF -> SegmentedDimensions.avif();
      case SVG -> Want.bytes(0, ImageFormat.SNIFF_BYTES, ImageDimensions::svg);
    };
  }

  static Want size(long width, long height) {
    return Want.answer(Dimensions.of(width, height));
  }

  private static Want webp(Window w) {
    String chunk = new String(w.read(12, 4), StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8 " -> {
        // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
        return size(w.le(26, 2) & 0x3FFF, w.le(28, 2) & 0x3FFF);
      }
      case "VP8L" -> {
        long bits = w.le(21, 4);
        return bits < 0 ? size(-1, -1) : size((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
      }
      case "VP8X" -> {
        long width = w.le(24, 3);
        long height = w.le(27, 3);
        return width < 0 || height < 0 ? size(-1, -1) : size(width + 1, height + 1);
      }
      default -> {
        return size(-1, -1);
      }
    }
  }

  private static Want bmp(Window w) {
    if (w.le(14, 4) == 12) {
      return size(w.le(18, 2), w.le(20, 2));
    }
    long width = w.le(18, 4);
    long height = w.le(22, 4);
    if (width < 0 || height < 0) {
      return size(-1, -1);
    }
    // Signed fields; a negative height is a top-down bitmap.
    return size((int) width, Math.abs((long) (int) height));
  }

  private static Want icoDirectory(Window w) {
    long count = Math.min(w.le(4, 2), ICO_MAX_IMAGES);
    return count < 0 ? size(-1, -1) : Want.bytes(6, 16 * (int) count, d -> ico(d, count));
  }

  private static Want ico(Window w, long count) {
    Dimensions largest = null;
    for (int i = 0; i < count; i++) {
      long width = w.le(6 + 16L * i, 1);
      long height = w.le(7 + 16L * i, 1);
      if (width < 0 || height < 0) {
        break;
      }
      // 0 stands for 256.
      Dimensions d = Dimensions.of(width == 0 ? 256 : width, height == 0 ? 256 : height);
      if (largest == null || d.area() > largest.area()) {
        largest = d;
      }
    }
    return Want.answer(largest);
  }

  private static Want svg(Window w) {
    String text = new String(w.read(0, ImageFormat.SNIFF_BYTES), StandardCharsets.UTF_8);
    Matcher root = SVG_ROOT.matcher(text);
    if (!root.find()) {
      return size(-1, -1);
    }
    Matcher width = SVG_WIDTH.matcher(root.group());
    Matcher height = SVG_HEIGHT.matcher(root.group());
    if (!width.find() || !height.find()) {
      return size(-1, -1);
    }
    return size(Long.parseLong(width.group(1)), Long.parseLong(height.group(1)));
  }
}
