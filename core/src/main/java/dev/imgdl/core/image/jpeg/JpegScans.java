package dev.imgdl.core.image.jpeg;

/**
 * The scans (SOS segments) of a JPEG, counted by a walk over its markers that decodes nothing:
 * a progressive file can hold thousands of scans in a few KB (a header and one end-of-band run
 * each), and every decoder pays a pass over the image a scan (ImageIO's libjpeg outputs the
 * whole image after each), so a file is refused on its count before any decoder runs, as
 * libjpeg-turbo's scan limit does. {@link Markers} walks the segments too, but it decodes each
 * scan's data to find its end; this only steps over it.
 */
public final class JpegScans {
  /** The most scans a file may have: a progressive photo has about 10, mozjpeg's up to ~20. */
  public static final int MAX = 100;

  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;

  private JpegScans() {}

  /**
   * The SOS segments from SOI to EOI; where the structure is corrupt or cut, those counted so
   * far (the decoders give their own errors for it).
   */
  public static int count(byte[] data) {
    if (data.length < 4 || u8(data, 0) != 0xFF || u8(data, 1) != SOI) {
      return 0;
    }
    int scans = 0;
    int pos = 2;
    while (pos < data.length && u8(data, pos) == 0xFF) {
      while (pos < data.length && u8(data, pos) == 0xFF) {
        pos++; // fill bytes before a marker
      }
      if (pos + 2 >= data.length) {
        return scans;
      }
      int marker = u8(data, pos++);
      if (marker == EOI) {
        return scans;
      }
      if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
        continue; // no length (a stray RSTn, TEM)
      }
      int length = u8(data, pos) << 8 | u8(data, pos + 1);
      if (length < 2 || pos + length > data.length) {
        return scans;
      }
      pos += length;
      if (marker == SOS) {
        scans++;
        pos = entropyCodedEnd(data, pos);
      }
    }
    return scans;
  }

  /**
   * Where the entropy-coded data from {@code pos} ends: at the first marker that is none of its
   * own ({@code FF 00} stuffing, {@code FF D0} to {@code FF D7} restarts, {@code FF FF} fill).
   */
  private static int entropyCodedEnd(byte[] data, int pos) {
    while (pos + 1 < data.length) {
      if (u8(data, pos) != 0xFF) {
        pos++;
        continue;
      }
      int next = u8(data, pos + 1);
      if (next == 0 || next >= 0xD0 && next <= 0xD7) {
        pos += 2;
      } else if (next == 0xFF) {
        pos++;
      } else {
        return pos;
      }
    }
    return data.length;
  }

  private static int u8(byte[] data, int at) {
    return data[at] & 0xFF;
  }
}
