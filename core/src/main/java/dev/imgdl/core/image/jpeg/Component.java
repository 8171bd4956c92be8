package dev.imgdl.core.image.jpeg;

/**
 * One colour component of a frame: its sampling factors and quantization table (latched at its
 * first scan, as libjpeg does), its coefficients (64 a block, natural order, undequantized) in
 * the decode's shared array from {@link #offset}, and its scaled DCT size and plane.
 */
final class Component {
  final int id;
  final int h;
  final int v;
  final int tq;
  /** Blocks a row and block rows, whole MCUs of the frame. */
  int blocksWide;
  int blocksHigh;
  /** Blocks that hold image data (libjpeg's {@code width_in_blocks}, {@code height_in_blocks}). */
  int dataBlocksWide;
  int dataBlocksHigh;
  int offset;
  int[] quant;
  int dcPredictor;
  /** The samples of one block edge at the output scale, and the plane's size and place. */
  int dctSize;
  int planeWidth;
  int planeHeight;
  int planeOffset;
  /** libjpeg's {@code downsampled_width} and {@code _height} at the output scale. */
  int sampledWidth;
  int sampledHeight;

  Component(int id, int h, int v, int tq) {
    this.id = id;
    this.h = h;
    this.v = v;
    this.tq = tq;
  }

  int blockAt(int row, int column) {
    return offset + (row * blocksWide + column) * 64;
  }
}
