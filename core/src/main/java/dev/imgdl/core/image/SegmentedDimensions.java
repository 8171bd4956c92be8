package dev.imgdl.core.image;

import java.nio.charset.StandardCharsets;

/**
 * The sizes that lie after a run of variable-length blocks: JPEG's frame header after its APPn
 * segments (an Exif thumbnail or an ICC profile can be hundreds of kilobytes), TIFF's first IFD
 * (often at the end of the file) and AVIF's {@code ispe} property inside its boxes. Each walk
 * asks for a few bytes per block and skips the rest as it streams past, so a block's size costs
 * nothing; the number of steps is bounded.
 */
final class SegmentedDimensions {
  private static final int MAX_STEPS = 4096;
  private static final int AVIF_HEAD = 64 * 1024;
  /** A marker, a segment length, and for a frame header its precision, height and width. */
  private static final int JPEG_STEP = 9;
  private static final int TIFF_ENTRY = 12;

  private SegmentedDimensions() {}

  /** The first SOFn frame header: precision (1 byte), height, width (2 bytes each). */
  static Want jpeg() {
    return jpegAt(2, 0);
  }

  private static Want jpegAt(long at, int step) {
    if (step >= MAX_STEPS) {
      return Want.answer(null);
    }
    return Want.bytes(at, JPEG_STEP, w -> {
      if (w.be(at, 1) != 0xFF) {
        return Want.answer(null);
      }
      long marker = w.be(at + 1, 1);
      if (marker == 0xFF) {
        return jpegAt(at + 1, step + 1); // fill byte
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        return jpegAt(at + 2, step + 1); // a marker without a length
      }
      if (marker == 0xDA || marker == 0xD9 || marker < 0) {
        return Want.answer(null); // a scan or the end before any frame header
      }
      if (isFrameHeader((int) marker)) {
        return ImageDimensions.size(w.be(at + 7, 2), w.be(at + 5, 2));
      }
      long length = w.be(at + 2, 2);
      return length < 2 ? Want.answer(null) : jpegAt(at + 2 + length, step + 1);
    });
  }

  private static boolean isFrameHeader(int marker) {
    // C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frames.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
        && marker != 0xCC;
  }

  /** Tags 256 (ImageWidth) and 257 (ImageLength) of the first IFD, SHORT or LONG. */
  static Want tiff() {
    return Want.bytes(0, 8, header -> {
      boolean big = header.be(0, 2) == 0x4D4D;
      long ifd = header.unsigned(4, 4, big);
      if (ifd < 0) {
        return Want.answer(null);
      }
      return Want.bytes(ifd, 2, countBytes -> {
        long count = Math.min(countBytes.unsigned(ifd, 2, big), MAX_STEPS);
        if (count < 0) {
          return Want.answer(null);
        }
        return Want.bytes(ifd + 2, TIFF_ENTRY * (int) count,
            entries -> tiffEntries(entries, ifd + 2, count, big));
      });
    });
  }

  private static Want tiffEntries(Window w, long first, long count, boolean big) {
    long width = -1;
    long height = -1;
    for (int i = 0; i < count; i++) {
      long entry = first + (long) TIFF_ENTRY * i;
      long tag = w.unsigned(entry, 2, big);
      long type = w.unsigned(entry + 2, 2, big);
      if (tag < 0) {
        return Want.answer(null);
      }
      long value = type == 3 ? w.unsigned(entry + 8, 2, big)
          : type == 4 ? w.unsigned(entry + 8, 4, big) : -1;
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    return ImageDimensions.size(width, height);
  }

  /**
   * The largest {@code ispe} (image spatial extents) property among the first 64 KiB: a box of
   * size, type, version and flags, then width and height (4 bytes each). An AVIF grid or one with
   * a thumbnail has several; the largest is the full image.
   */
  static Want avif() {
    return Want.bytes(0, AVIF_HEAD, w -> {
      byte[] head = w.read(0, AVIF_HEAD);
      byte[] ispe = "ispe".getBytes(StandardCharsets.US_ASCII);
      Dimensions largest = null;
      for (int i = 4; i + 16 <= head.length; i++) {
        if (head[i] == ispe[0] && head[i + 1] == ispe[1] && head[i + 2] == ispe[2]
            && head[i + 3] == ispe[3]) {
          Dimensions d = Dimensions.of(be32(head, i + 8), be32(head, i + 12));
          if (d != null && (largest == null || d.area() > largest.area())) {
            largest = d;
          }
        }
      }
      return Want.answer(largest);
    });
  }

  private static long be32(byte[] b, int at) {
    return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }
}
