package dev.imgdl.core.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Width and height of a downloaded image, read from its header without decoding it: a few small
 * reads of the file, bounded (see {@link SegmentedDimensions} for JPEG, TIFF and AVIF, whose size
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

  private ImageDimensions() {}

  /** The size of the image in {@code file} of {@code format}, or null when unknown. */
  public static Dimensions read(Path file, ImageFormat format) {
    if (format == null) {
      return null;
    }
    try (FileChannel channel = FileChannel.open(file)) {
      return read(new FileBytes(channel), format);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Dimensions read(FileBytes f, ImageFormat format) throws IOException {
    return switch (format) {
      case JPEG -> SegmentedDimensions.jpeg(f);
      case PNG -> Dimensions.of(f.be(16, 4), f.be(20, 4));
      case GIF -> Dimensions.of(f.le(6, 2), f.le(8, 2));
      case WEBP -> webp(f);
      case BMP -> bmp(f);
      case TIFF -> SegmentedDimensions.tiff(f);
      case ICO -> ico(f);
      case AVIF -> SegmentedDimensions.avif(f);
      case SVG -> svg(f);
    };
  }

  private static Dimensions webp(FileBytes f) throws IOException {
    String chunk = new String(f.read(12, 4), StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8 " -> {
        // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height.
        return Dimensions.of(f.le(26, 2) & 0x3FFF, f.le(28, 2) & 0x3FFF);
      }
      case "VP8L" -> {
        long bits = f.le(21, 4);
        return bits < 0 ? null : Dimensions.of((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
      }
      case "VP8X" -> {
        long width = f.le(24, 3);
        long height = f.le(27, 3);
        return width < 0 || height < 0 ? null : Dimensions.of(width + 1, height + 1);
      }
      default -> {
        return null;
      }
    }
  }

  private static Dimensions bmp(FileBytes f) throws IOException {
    if (f.le(14, 4) == 12) {
      return Dimensions.of(f.le(18, 2), f.le(20, 2));
    }
    long width = f.le(18, 4);
    long height = f.le(22, 4);
    if (width < 0 || height < 0) {
      return null;
    }
    // Signed fields; a negative height is a top-down bitmap.
    return Dimensions.of((int) width, Math.abs((long) (int) height));
  }

  private static Dimensions ico(FileBytes f) throws IOException {
    long count = f.le(4, 2);
    Dimensions largest = null;
    for (int i = 0; i < count && i < 256; i++) {
      long width = f.le(6 + 16L * i, 1);
      long height = f.le(7 + 16L * i, 1);
      if (width < 0 || height < 0) {
        break;
      }
      // 0 stands for 256.
      Dimensions d = Dimensions.of(width == 0 ? 256 : width, height == 0 ? 256 : height);
      if (largest == null || d.area() > largest.area()) {
        largest = d;
      }
    }
    return largest;
  }

  private static Dimensions svg(FileBytes f) throws IOException {
    String text = new String(f.read(0, ImageFormat.SNIFF_BYTES), StandardCharsets.UTF_8);
    Matcher root = SVG_ROOT.matcher(text);
    if (!root.find()) {
      return null;
    }
    Matcher width = SVG_WIDTH.matcher(root.group());
    Matcher height = SVG_HEIGHT.matcher(root.group());
    if (!width.find() || !height.find()) {
      return null;
    }
    return Dimensions.of(Long.parseLong(width.group(1)), Long.parseLong(height.group(1)));
  }
}
