package dev.imgdl.core.image.transform;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The Exif orientation of a JPEG (1 to 8, TIFF tag 274), read from its APP1 segment with
 * TwelveMonkeys' TIFF directory reader before the image is decoded (a rotation swaps the sides,
 * which the resize plan must know), and applied to decoded pixels. A missing, broken or
 * out-of-range tag is 1: orientation is a display hint, never a reason to fail an image.
 */
final class Orientation {
  static final int NORMAL = 1;

  private Orientation() {}

  /** The orientation of the JPEG in {@code file}, 1 when it says none. */
  static int read(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return NORMAL;
      }
      try (InputStream data = exif.get(0).data()) {
        byte[] tiff = skipPadding(data.readAllBytes());
        Directory directory = new TIFFReader().read(new MemoryCacheImageInputStream(
            new java.io.ByteArrayInputStream(tiff)));
        Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
        int value = entry == null ? NORMAL : ((Number) entry.getValue()).intValue();
        return value >= 1 && value <= 8 ? value : NORMAL;
      }
    } catch (IOException | RuntimeException e) {
      return NORMAL;
    }
  }

  /** The segment's data after "Exif": the pad byte(s) some writers add before the TIFF header. */
  private static byte[] skipPadding(byte[] data) {
    int at = 0;
    while (at < data.length && at < 2 && data[at] == 0) {
      at++;
    }
    return java.util.Arrays.copyOfRange(data, at, data.length);
  }

  /** Whether {@code orientation} turns the image a quarter, swapping width and height. */
  static boolean swapsSides(int orientation) {
    return orientation >= 5;
  }

  /** The pixels as they are meant to be seen. */
  static Pixels apply(Pixels p, int orientation) {
    if (orientation == NORMAL) {
      return p;
    }
    int w = p.width();
    int h = p.height();
    int outW = swapsSides(orientation) ? h : w;
    int outH = swapsSides(orientation) ? w : h;
    int[] src = p.argb();
    int[] out = new int[src.length];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        out[y * outW + x] = src[source(orientation, x, y, w, h)];
      }
    }
    return new Pixels(outW, outH, out, p.alpha());
  }

  /** The index in the stored w × h image of the pixel seen at (x, y) (Exif 2.3, tag 274). */
  private static int source(int orientation, int x, int y, int w, int h) {
    return switch (orientation) {
      case 2 -> y * w + (w - 1 - x); // mirrored left to right
      case 3 -> (h - 1 - y) * w + (w - 1 - x); // turned 180
      case 4 -> (h - 1 - y) * w + x; // mirrored top to bottom
      case 5 -> x * w + y; // transposed
      case 6 -> (h - 1 - x) * w + y; // stored turned 90 anticlockwise: turn it clockwise
      case 7 -> (h - 1 - x) * w + (w - 1 - y); // transversed
      case 8 -> x * w + (w - 1 - y); // stored turned 90 clockwise
      default -> y * w + x;
    };
  }
}
