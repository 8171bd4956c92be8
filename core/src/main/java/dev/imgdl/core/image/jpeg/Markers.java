package dev.imgdl.core.image.jpeg;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * The marker segments of one file, read in order: the tables, the frame header and the
 * application markers that decide whether the file is {@link JpegDecoder}'s, then each scan as
 * it comes, then the output pass at EOI.
 */
final class Markers {
  private static final int SOF0 = 0xC0;
  private static final int SOF1 = 0xC1;
  private static final int SOF2 = 0xC2;
  private static final int DHT = 0xC4;
  private static final int DAC = 0xCC;
  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int DQT = 0xDB;
  private static final int DNL = 0xDC;
  private static final int DRI = 0xDD;
  private static final int APP0 = 0xE0;
  private static final int APP2 = 0xE2;
  private static final int APP14 = 0xEE;
  private static final int COM = 0xFE;

  private final byte[] data;
  private final long maxPixels;
  private final JpegMemory memory;
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private final int[][] quantTables = new int[4][];
  private int pos;
  private int restartInterval;
  private Frame frame;
  private boolean jfif;
  private int adobeTransform = -1;
  private short[] coef;
  private byte[] extents;
  private int scans;

  Markers(byte[] data, long maxPixels, JpegMemory memory) {
    this.data = data;
    this.maxPixels = maxPixels;
    this.memory = memory;
  }

  JpegImage decode(JpegDecoder.Scale scale, IntFunction<byte[]> output)
      throws JpegException {
    int denominator = 0;
    if (data.length < 4 || u8(0) != 0xFF || u8(1) != SOI) {
      return null;
    }
    pos = 2;
    while (true) {
      int marker = nextMarker();
      switch (marker) {
        case SOF0, SOF1, SOF2 -> {
          if (!frame(marker == SOF2)) {
            return null;
          }
        }
        case DHT -> huffmanTables();
        case DQT -> quantTables();
        case DRI -> restartInterval();
        case SOS -> {
          if (scans == 0) {
            if (!mine()) {
              return null;
            }
            denominator = scale.denominator(frame.width, frame.height, frame.progressive);
            if (denominator == 0) {
              return null;
            }
            if (denominator != 1 && denominator != 2 && denominator != 4 && denominator != 8) {
              throw new IllegalArgumentException("scale 1/" + denominator);
            }
          }
          scan();
        }
        case EOI -> {
          if (scans == 0) {
            throw new JpegException("no image data");
          }
          return output(denominator, output);
        }
        case APP0 -> {
          jfif |= startsWith("JFIF\0");
          skip();
        }
        case APP2 -> {
          if (startsWith("ICC_PROFILE\0")) {
            return null;
          }
          skip();
        }
        case APP14 -> {
          if (startsWith("Adobe") && length() >= 14) {
            adobeTransform = u8(pos + 2 + 11);
          }
          skip();
        }
        case DAC -> {
          return null;
        }
        case DNL, SOI -> throw new JpegException("marker out of place");
        default -> {
          if (marker >= 0xC3 && marker <= 0xCF || marker == 0xDE || marker == 0xDF) {
            return null; // lossless, differential, arithmetic, hierarchical
          }
          if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
            throw new JpegException("marker out of place");
          }
          skip(); // APPn, COM, JPGn
        }
      }
    }
  }

  /** Whether the frame is one this decoder takes, with what the markers before it said. */
  private boolean mine() throws JpegException {
    if (frame == null) {
      throw new JpegException("scan before the frame header");
    }
    if (frame.components.length == 1) {
      return true;
    }
    if (adobeTransform >= 0) {
      return adobeTransform == 1;
    }
    Component[] c = frame.components;
    return jfif || c[0].id == 1 && c[1].id == 2 && c[2].id == 3;
  }

  private boolean frame(boolean progressive) throws JpegException {
    if (frame != null) {
      throw new JpegException("a second frame header");
    }
    int length = length();
    int precision = u8(pos + 2);
    int height = u16(pos + 3);
    int width = u16(pos + 5);
    int count = u8(pos + 7);
    if (precision != 8 || count != 1 && count != 3) {
      return false;
    }
    if (length != 8 + 3 * count) {
      throw new JpegException("bad frame header length");
    }
    if (width == 0 || height == 0) {
      throw new JpegException("empty image");
    }
    if ((long) width * height > maxPixels) {
      throw new JpegException(width + "x" + height + ", larger than allowed");
    }
    Component[] components = new Component[count];
    for (int i = 0; i < count; i++) {
      int at = pos + 8 + 3 * i;
      int sampling = u8(at + 1);
      int tq = u8(at + 2);
      if (tq > 3) {
        throw new JpegException("quantization table id out of range");
      }
      int h = sampling >> 4;
      int v = sampling & 15;
      if (count == 1) {
        h = 1; // one component: one block an MCU, whatever its factors say
        v = 1;
      } else if (i == 0 ? !(v == 1 && (h == 1 || h == 2) || v == 2 && h == 2)
          : h != 1 || v != 1) {
        return false;
      }
      components[i] = new Component(u8(at), h, v, tq);
    }
    frame = new Frame(progressive, width, height, components);
    skip();
    return true;
  }

  private void huffmanTables() throws JpegException {
    int end = segmentEnd();
    int at = pos + 2;
    while (at < end) {
      int info = u8(at);
      int kind = info >> 4;
      int id = info & 15;
      if (kind > 1 || id > 3) {
        throw new JpegException("Huffman table id out of range");
      }
      int[] counts = new int[17];
      int total = 0;
      for (int i = 1; i <= 16; i++) {
        counts[i] = u8(at + i);
        total += counts[i];
      }
      if (total > 256 || at + 17 + total > end) {
        throw new JpegException("bad Huffman table");
      }
      int[] symbols = new int[total];
      for (int i = 0; i < total; i++) {
        symbols[i] = u8(at + 17 + i);
      }
      HuffmanTable table = new HuffmanTable(counts, symbols, kind == 0);
      (kind == 0 ? dcTables : acTables)[id] = table;
      at += 17 + total;
    }
    pos = end;
  }

  private void quantTables() throws JpegException {
    int end = segmentEnd();
    int at = pos + 2;
    while (at < end) {
      int info = u8(at);
      int precision = info >> 4;
      int id = info & 15;
      if (precision > 1 || id > 3) {
        throw new JpegException("quantization table id out of range");
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        int value = precision == 0 ? u8(at + 1 + k) : u16(at + 1 + 2 * k);
        table[Scan.NATURAL[k]] = value;
      }
      quantTables[id] = table;
      at += 1 + 64 * (precision + 1);
    }
    if (at != end) {
      throw new JpegException("bad quantization table length");
    }
    pos = end;
  }

  private void restartInterval() throws JpegException {
    if (length() != 4) {
      throw new JpegException("bad restart interval length");
    }
    restartInterval = u16(pos + 2);
    skip();
  }

  private void scan() throws JpegException {
    if (scans == JpegScans.MAX) {
      // Each scan is a pass over the coefficients: the decoder is bounded without its caller.
      throw new JpegException("more than " + JpegScans.MAX + " scans");
    }
    int length = length();
    int count = u8(pos + 2);
    if (count < 1 || count > frame.components.length || length != 6 + 2 * count) {
      throw new JpegException("bad scan header");
    }
    Component[] components = new Component[count];
    HuffmanTable[] dc = new HuffmanTable[count];
    HuffmanTable[] ac = new HuffmanTable[count];
    int at = pos + 3 + 2 * count;
    int ss = u8(at);
    int se = u8(at + 1);
    int ah = u8(at + 2) >> 4;
    int al = u8(at + 2) & 15;
    checkSpectrum(count, ss, se, ah, al);
    int blocks = 0;
    for (int i = 0; i < count; i++) {
      components[i] = component(u8(pos + 3 + 2 * i), components, i);
      blocks += components[i].h * components[i].v;
      int tables = u8(pos + 4 + 2 * i);
      boolean needsDc = ss == 0 && (ah == 0 || !frame.progressive);
      boolean needsAc = se > 0;
      dc[i] = needsDc ? table(dcTables, tables >> 4) : null;
      ac[i] = needsAc ? table(acTables, tables & 15) : null;
    }
    if (count > 1 && blocks > 10) {
      throw new JpegException("too many blocks in an MCU");
    }
    if (coef == null) {
      long length64 = frame.layOutCoefficients();
      if (length64 > Integer.MAX_VALUE - 8) {
        throw new JpegException("image too large");
      }
      coef = memory.coefficients((int) length64);
      extents = memory.extents((int) (length64 / 64));
    }
    BitReader in = new BitReader(data, pos + length);
    Scan scan = new Scan(frame, components, dc, ac, ss, se, ah, al, coef, extents,
        in);
    pos = scan.decode(data, restartInterval);
    scans++;
  }

  private void checkSpectrum(int count, int ss, int se, int ah, int al) throws JpegException {
    boolean bad;
    if (frame.progressive) {
      bad = ss == 0 ? se != 0 : se < ss || se > 63 || count != 1;
      bad |= ah > 13 || al > 13 || ah != 0 && al != ah - 1;
    } else {
      bad = ss != 0 || se != 63 || ah != 0 || al != 0;
    }
    if (bad) {
      throw new JpegException("bad spectral selection or successive approximation");
    }
  }

  private Component component(int id, Component[] chosen, int index) throws JpegException {
    for (Component c : frame.components) {
      if (c.id == id) {
        for (int i = 0; i < index; i++) {
          if (chosen[i] == c) {
            throw new JpegException("a component twice in a scan");
          }
        }
        if (c.quant == null) {
          int[] table = quantTables[c.tq];
          if (table == null) {
            throw new JpegException("missing quantization table");
          }
          c.quant = table.clone();
        }
        return c;
      }
    }
    throw new JpegException("scan of an unknown component");
  }

  private static HuffmanTable table(HuffmanTable[] tables, int id) throws JpegException {
    if (id > 3 || tables[id] == null) {
      throw new JpegException("missing Huffman table");
    }
    return tables[id];
  }

  private JpegImage output(int denominator, IntFunction<byte[]> output) throws JpegException {
    for (Component c : frame.components) {
      if (c.quant == null) {
        throw new JpegException("a component without data");
      }
    }
    long planes = frame.layOutPlanes(denominator);
    int width = Frame.ceilDiv(frame.width, denominator);
    int height = Frame.ceilDiv(frame.height, denominator);
    long bytes = 3L * width * height;
    if (planes > Integer.MAX_VALUE - 8 || bytes > Integer.MAX_VALUE - 8) {
      throw new JpegException("image too large");
    }
    byte[] rgb = output.apply((int) bytes);
    Output.write(frame, coef, extents, memory.planes((int) planes), denominator, rgb);
    return new JpegImage(width, height, frame.width, frame.height, rgb);
  }

  /** The next marker's code, after any fill bytes; the data must be at a marker. */
  private int nextMarker() throws JpegException {
    if (pos >= data.length || u8(pos) != 0xFF) {
      throw new JpegException(pos >= data.length ? "premature end of file" : "marker expected");
    }
    while (pos < data.length && u8(pos) == 0xFF) {
      pos++;
    }
    if (pos >= data.length) {
      throw new JpegException("premature end of file");
    }
    return u8(pos++);
  }

  private int length() throws JpegException {
    if (pos + 2 > data.length) {
      throw new JpegException("premature end of file");
    }
    int length = u16(pos);
    if (length < 2 || pos + length > data.length) {
      throw new JpegException("bad segment length");
    }
    return length;
  }

  private int segmentEnd() throws JpegException {
    return pos + length();
  }

  private void skip() throws JpegException {
    pos += length();
  }

  private boolean startsWith(String signature) throws JpegException {
    byte[] bytes = signature.getBytes(StandardCharsets.ISO_8859_1);
    int length = length();
    if (length - 2 < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (data[pos + 2 + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private int u8(int at) {
    return data[at] & 0xFF;
  }

  private int u16(int at) {
    return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
  }
}
