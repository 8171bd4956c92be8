package dev.imgdl.core.image.jpeg;

/**
 * One scan (SOS) decoded into the coefficients: the sequential (baseline, extended) and the
 * four progressive kinds of jdhuff.c and jdphuff.c, over interleaved MCUs or one component's
 * blocks, with restart intervals. Stricter than libjpeg, which warns and goes on: any
 * inconsistency is a {@link JpegException}, and the caller hands the file to ImageIO.
 */
final class Scan {
  /** Zig-zag position to natural position, with 16 guards for a run past 63. */
  static final int[] NATURAL = {
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
    20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
    58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63};

  private final Frame frame;
  private final Component[] components;
  private final HuffmanTable[] dc;
  private final HuffmanTable[] ac;
  private final int ss;
  private final int se;
  private final int ah;
  private final int al;
  private final short[] coef;
  /** Per block (at / 64), the zig-zag index of its last coefficient that may not be zero. */
  private final byte[] extents;
  private final BitReader in;
  private int eobrun;

  Scan(Frame frame, Component[] components, HuffmanTable[] dc, HuffmanTable[] ac, int ss,
      int se, int ah, int al, short[] coef, byte[] extents, BitReader in) {
    this.frame = frame;
    this.components = components;
    this.dc = dc;
    this.ac = ac;
    this.ss = ss;
    this.se = se;
    this.ah = ah;
    this.al = al;
    this.coef = coef;
    this.extents = extents;
    this.in = in;
  }

  /**
   * Decodes every MCU; {@code restartInterval} MCUs between RST markers (0: none). Returns the
   * position of the marker after the scan.
   */
  int decode(byte[] data, int restartInterval) throws JpegException {
    boolean single = components.length == 1;
    Component only = components[0];
    int wide = single ? only.dataBlocksWide : frame.mcusWide;
    int high = single ? only.dataBlocksHigh : frame.mcusHigh;
    int mcu = 0;
    int expected = 0;
    for (Component c : components) {
      c.dcPredictor = 0;
    }
    for (int my = 0; my < high; my++) {
      for (int mx = 0; mx < wide; mx++, mcu++) {
        if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
          restart(data, expected);
          expected = (expected + 1) & 7;
        }
        if (single) {
          block(only, only.blockAt(my, mx), 0);
        } else {
          for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            for (int v = 0; v < c.v; v++) {
              for (int h = 0; h < c.h; h++) {
                block(c, c.blockAt(my * c.v + v, mx * c.h + h), i);
              }
            }
          }
        }
      }
      if (in.overran()) {
        throw new JpegException("premature end of data");
      }
    }
    if (eobrun > 0) {
      throw new JpegException("end-of-band run past the scan");
    }
    return in.finish();
  }

  private void restart(byte[] data, int expected) throws JpegException {
    if (eobrun > 0) {
      throw new JpegException("end-of-band run past the restart interval");
    }
    int at = in.finish();
    int next = at;
    while (next < data.length && (data[next] & 0xFF) == 0xFF) {
      next++;
    }
    if (next >= data.length || (data[next] & 0xFF) != 0xD0 + expected) {
      throw new JpegException("missing restart marker");
    }
    in.resume(next + 1);
    for (Component c : components) {
      c.dcPredictor = 0;
    }
  }

  private void block(Component c, int at, int index) throws JpegException {
    if (!frame.progressive) {
      sequential(c, at, dc[index], ac[index]);
    } else if (ss == 0) {
      if (ah == 0) {
        int s = in.decode(dc[index]);
        c.dcPredictor += in.receive(s);
        coef[at] = (short) (c.dcPredictor << al);
      } else if (in.bits(1) != 0) {
        coef[at] |= (short) (1 << al);
      }
    } else if (ah == 0) {
      acFirst(at, ac[index]);
    } else {
      acRefine(at, ac[index]);
    }
  }

  private void sequential(Component c, int at, HuffmanTable dcTable, HuffmanTable acTable)
      throws JpegException {
    int s = in.decode(dcTable);
    c.dcPredictor += in.receive(s);
    coef[at] = (short) c.dcPredictor;
    int last = 0;
    for (int k = 1; k < 64; k++) {
      int whole = in.coefficient(acTable);
      if (whole != 0) {
        k += whole >> 8 & 15;
        if (k > 63) {
          throw new JpegException("coefficient run past the block");
        }
        coef[at + NATURAL[k]] = (short) (whole >> 16);
        last = k;
        continue;
      }
      int rs = in.decode(acTable);
      int r = rs >> 4;
      s = rs & 15;
      if (s == 0) {
        if (r != 15) {
          break;
        }
        k += 15;
      } else {
        k += r;
        if (k > 63) {
          throw new JpegException("coefficient run past the block");
        }
        coef[at + NATURAL[k]] = (short) in.receive(s);
        last = k;
      }
    }
    extents[at >> 6] = (byte) last;
  }

  private void extend(int at, int k) {
    if (extents[at >> 6] < k) {
      extents[at >> 6] = (byte) k;
    }
  }

  private void acFirst(int at, HuffmanTable table) throws JpegException {
    if (eobrun > 0) {
      eobrun--;
      return;
    }
    for (int k = ss; k <= se; k++) {
      int whole = in.coefficient(table);
      if (whole != 0) {
        k += whole >> 8 & 15;
        if (k > se) {
          throw new JpegException("coefficient run past the band");
        }
        coef[at + NATURAL[k]] = (short) ((whole >> 16) << al);
        extend(at, k);
        continue;
      }
      int rs = in.decode(table);
      int r = rs >> 4;
      int s = rs & 15;
      if (s != 0) {
        k += r;
        if (k > se) {
          throw new JpegException("coefficient run past the band");
        }
        coef[at + NATURAL[k]] = (short) (in.receive(s) << al);
        extend(at, k);
      } else if (r == 15) {
        k += 15;
      } else {
        eobrun = (1 << r) - 1;
        if (r > 0) {
          eobrun += in.bits(r);
        }
        return;
      }
    }
  }

  private void acRefine(int at, HuffmanTable table) throws JpegException {
    int p1 = 1 << al;
    int m1 = -1 << al;
    int k = ss;
    if (eobrun == 0) {
      for (; k <= se; k++) {
        int rs = in.decode(table);
        int r = rs >> 4;
        int s = rs & 15;
        if (s != 0) {
          if (s != 1) {
            throw new JpegException("bad refinement value");
          }
          s = in.bits(1) != 0 ? p1 : m1;
        } else if (r != 15) {
          eobrun = 1 << r;
          if (r > 0) {
            eobrun += in.bits(r);
          }
          break;
        }
        do {
          int pos = at + NATURAL[k];
          if (coef[pos] != 0) {
            refine(pos, p1, m1);
          } else if (--r < 0) {
            break;
          }
          k++;
        } while (k <= se);
        if (s != 0) {
          if (k > se) {
            throw new JpegException("coefficient run past the band");
          }
          coef[at + NATURAL[k]] = (short) s;
          extend(at, k);
        }
      }
    }
    if (eobrun > 0) {
      // Past the block's last coefficient that may not be zero there is nothing to refine.
      for (int end = Math.min(se, extents[at >> 6]); k <= end; k++) {
        int pos = at + NATURAL[k];
        if (coef[pos] != 0) {
          refine(pos, p1, m1);
        }
      }
      eobrun--;
    }
  }

  private void refine(int pos, int p1, int m1) throws JpegException {
    if (in.bits(1) != 0 && (coef[pos] & p1) == 0) {
      coef[pos] += (short) (coef[pos] >= 0 ? p1 : m1);
    }
  }
}
