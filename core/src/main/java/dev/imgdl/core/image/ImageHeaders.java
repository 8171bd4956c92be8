package dev.imgdl.core.image;

import java.util.Set;

/**
 * Consistency checks of the header fields of the formats whose signature is too short to tell an
 * image from text: BMP ({@code BM}), ICO ({@code 00 00 01 00}) and JPEG ({@code FF D8 FF}). Each
 * check is given the bytes in so far and says yes only when all the fields it reads have arrived
 * and agree; before that it says no, and the download core's body reader keeps reading, judging
 * a body shorter than {@link ImageFormat#SNIFF_BYTES} when it ends.
 */
final class ImageHeaders {
  /** DIB header sizes: OS/2 core, Windows info, V2, V3, OS/2 v2, V4, V5. */
  private static final Set<Long> DIB_SIZES = Set.of(12L, 40L, 52L, 56L, 64L, 108L, 124L);
  private static final Set<Integer> BMP_BITS = Set.of(1, 2, 4, 8, 16, 24, 32, 64);
  /** An icon entry's bits per pixel; 0 when a PNG inside says it. */
  private static final Set<Integer> ICO_BITS = Set.of(0, 1, 4, 8, 16, 24, 32);
  private static final int BMP_FILE_HEADER = 14;
  private static final int ICO_HEADER = 6;
  private static final int ICO_ENTRY = 16;

  private ImageHeaders() {}

  /**
   * A BMP: the 14-byte file header, then a DIB header of a known size with a width and height,
   * one plane and a known depth, and pixel data after both headers. The file size field (often
   * wrong) and the reserved fields (set by some writers, "application dependent") are not
   * checked.
   */
  static boolean bmp(byte[] head, int length) {
    if (length < BMP_FILE_HEADER + 4) {
      return false;
    }
    long dib = u32(head, 14);
    if (!DIB_SIZES.contains(dib) || u32(head, 10) < BMP_FILE_HEADER + dib) {
      return false;
    }
    if (dib == 12) {
      // OS/2 core header: unsigned 16-bit width and height.
      return length >= 26 && u16(head, 18) != 0 && u16(head, 20) != 0 && u16(head, 22) == 1
          && BMP_BITS.contains(u16(head, 24));
    }
    // A negative height is a top-down bitmap; a width is never negative.
    return length >= 30 && s32(head, 18) > 0 && s32(head, 22) != 0 && u16(head, 26) == 1
        && BMP_BITS.contains(u16(head, 28));
  }

  /**
   * An ICO: at least one image, and a first directory entry that is consistent: reserved byte 0
   * (or 255, which the .NET icon encoder writes and Windows ignores), 0 or 1 planes, a known
   * depth, a size, and data after the directory.
   */
  static boolean ico(byte[] head, int length) {
    if (length < ICO_HEADER + ICO_ENTRY) {
      return false;
    }
    int count = u16(head, 4);
    int reserved = u8(head, 9);
    return count >= 1
        && (reserved == 0 || reserved == 0xFF)
        && u16(head, 10) <= 1
        && ICO_BITS.contains(u16(head, 12))
        && u32(head, 14) > 0
        && u32(head, 18) >= ICO_HEADER + (long) ICO_ENTRY * count;
  }

  /**
   * A JPEG: after the start-of-image marker {@code FF D8}, the next marker, which may be preceded
   * by fill bytes {@code FF} (ITU T.81 B.1.1.2), must be one that can follow it: an APPn (JFIF
   * E0, Exif E1, ICC E2, Adobe EE), a table (DQT DB, DHT C4), a frame header or a comment. Not a
   * restart marker, another SOI, EOI or a scan, and not a text byte.
   */
  static boolean jpeg(byte[] head, int length) {
    int at = 3;
    while (at < length && u8(head, at) == 0xFF) {
      at++;
    }
    if (at >= length) {
      return false;
    }
    int marker = u8(head, at);
    return marker >= 0xC0 && marker <= 0xFE && !(marker >= 0xD0 && marker <= 0xDA);
  }

  private static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  private static int u16(byte[] b, int at) {
    return u8(b, at) | u8(b, at + 1) << 8;
  }

  private static int s32(byte[] b, int at) {
    return u16(b, at) | u16(b, at + 2) << 16;
  }

  private static long u32(byte[] b, int at) {
    return s32(b, at) & 0xFFFF_FFFFL;
  }
}
