package dev.imgdl.core.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The sizes that lie after a run of variable-length blocks: JPEG's frame header after its APPn
 * segments (an Exif thumbnail or an ICC profile can be hundreds of kilobytes), TIFF's first IFD
 * (often at the end of the file) and AVIF's {@code ispe} property inside its boxes. Each walk
 * jumps from block to block, reading a few bytes per step, with a bound on the number of steps.
 */
final class SegmentedDimensions {
  private static final int MAX_STEPS = 4096;
  private static final int AVIF_HEAD = 64 * 1024;

  private SegmentedDimensions() {}

  /** The first SOFn frame header: precision (1 byte), height, width (2 bytes each). */
  static Dimensions jpeg(FileBytes f) throws IOException {
    long at = 2;
    for (int step = 0; step < MAX_STEPS && at < f.size(); step++) {
      if (f.be(at, 1) != 0xFF) {
        return null;
      }
      long marker = f.be(at + 1, 1);
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        at += 2; // a marker without a length
        continue;
      }
      if (marker == 0xDA || marker == 0xD9 || marker < 0) {
        return null; // a scan or the end before any frame header
      }
      if (isFrameHeader((int) marker)) {
        return Dimensions.of(f.be(at + 7, 2), f.be(at + 5, 2));
      }
      long length = f.be(at + 2, 2);
      if (length < 2) {
        return null;
      }
      at += 2 + length;
    }
    return null;
  }

  private static boolean isFrameHeader(int marker) {
    // C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frames.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
        && marker != 0xCC;
  }

  /** Tags 256 (ImageWidth) and 257 (ImageLength) of the first IFD, SHORT or LONG. */
  static Dimensions tiff(FileBytes f) throws IOException {
    boolean big = f.be(0, 2) == 0x4D4D;
    long ifd = f.unsigned(4, 4, big);
    long count = f.unsigned(ifd, 2, big);
    long width = -1;
    long height = -1;
    for (int i = 0; i < count && i < MAX_STEPS; i++) {
      long entry = ifd + 2 + 12L * i;
      long tag = f.unsigned(entry, 2, big);
      long type = f.unsigned(entry + 2, 2, big);
      if (tag < 0) {
        return null;
      }
      long value = type == 3 ? f.unsigned(entry + 8, 2, big)
          : type == 4 ? f.unsigned(entry + 8, 4, big) : -1;
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    return Dimensions.of(width, height);
  }

  /**
   * The largest {@code ispe} (image spatial extents) property among the first 64 KiB: a box of
   * size, type, version and flags, then width and height (4 bytes each). An AVIF grid or one with
   * a thumbnail has several; the largest is the full image.
   */
  static Dimensions avif(FileBytes f) throws IOException {
    byte[] head = f.read(0, AVIF_HEAD);
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
    return largest;
  }

  private static long be32(byte[] b, int at) {
    return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8
        | (b[at + 3] & 0xFF);
  }
}
