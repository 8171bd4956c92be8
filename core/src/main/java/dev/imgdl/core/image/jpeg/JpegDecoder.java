package dev.imgdl.core.image.jpeg;

import java.util.function.IntFunction;

/**
 * A JPEG decoder for the common photo, with libjpeg's DCT-scaled output (its {@code
 * scale_denom}: 1/2, 1/4, 1/8 of each side for a fraction of the work), which no maintained
 * Java decoder offers and the JDK's does not expose. At scale 1 its bytes are those of the JDK's
 * decoder (libjpeg 6b with its defaults: {@link Idct}, {@link Output}).
 *
 * <p>It takes baseline, extended and progressive Huffman frames of 8 bits, grey or YCbCr with
 * luma sampled 1×1, 2×1 or 2×2 and chroma 1×1, restart intervals, any scan order. Anything else
 * (arithmetic coding, 12 bits, lossless, hierarchical, CMYK, RGB, an Adobe transform other than
 * YCbCr, an ICC profile, whose colours TwelveMonkeys converts) is not its, which it says before
 * decoding anything; corrupt or truncated data is a {@link JpegException}.
 */
public final class JpegDecoder {
  private JpegDecoder() {}

  /** The scale of a decode, chosen once the frame header is read. */
  public interface Scale {
    /**
     * The denominator (1, 2, 4 or 8) to decode a frame of {@code width × height} at, or 0 to
     * leave the file to another decoder.
     */
    int denominator(int width, int height, boolean progressive);
  }

  /** {@link #decode(byte[], Scale, long, IntFunction, JpegMemory)} at a fixed scale. */
  public static JpegImage decode(byte[] file, int denominator, long maxPixels,
      IntFunction<byte[]> output, JpegMemory memory) throws JpegException {
    return decode(file, (w, h, p) -> denominator, maxPixels, output, memory);
  }

  /**
   * The image in {@code file} at 1/{@code scale}'s denominator of its size, into an array from
   * {@code output} (asked for the length it needs), or null if this decoder does not take the
   * file (or the scale declines it), which it says before decoding anything.
   *
   * @param maxPixels the largest frame (width × height) to decode; larger is an exception
   * @param memory working arrays lent for this decode
   */
  public static JpegImage decode(byte[] file, Scale scale, long maxPixels,
      IntFunction<byte[]> output, JpegMemory memory) throws JpegException {
    try {
      return new Markers(file, maxPixels, memory).decode(scale, output);
    } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
      // Segment lengths and table ids are checked; this is the last net for a corrupt file.
      throw new JpegException("corrupt JPEG data");
    }
  }
}
