package dev.imgdl.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding at 1/2, 1/4, 1/8 (libjpeg's jidctred.c): each block's samples against a float
 * reference, and whole images' sizes and samples.
 *
 * <p>The bound, derived: a reduced IDCT's sample is the mean of 2×2, 4×4 or 8×8 samples of the
 * exact 8×8 IDCT, plus 128, rounded and clamped. The integer version differs from the exact value
 * before its last rounding by (a) pass 1's rounding of its work values to 1/4 of a unit (at most
 * 1/8 of a unit each), which pass 2 multiplies by its gains (at most 4.76 summed over a row's
 * inputs, for the 4×4) and divides by 8: under 0.075; (b) the 13-bit constants, each within 2^-14
 * of its true value, times the inputs: under 64 × 512 × 3 × 2^-14 / 8 = 0.75 for the blocks drawn
 * here (dequantized coefficients within ±512), far less in practice. Both together stay under 1, and
 * rounding two values less than 1 apart gives integers at most 1 apart: the bound is ±1.
 */
class ScaledDecodeTest {
  @ParameterizedTest(name = "scaled block size {0}")
  @ValueSource(ints = {4, 2, 1})
  void aReducedIdctIsWithinOneOfTheMeanOfTheExactIdct(int size) {
    Random random = new Random(size);
    Idct idct = new Idct();
    int[] quant = new int[64];
    java.util.Arrays.fill(quant, 1);
    short[] coef = new short[64];
    byte[] out = new byte[64];
    int worst = 0;
    for (int n = 0; n < 20_000; n++) {
      int nonzero = 1 + random.nextInt(64);
      java.util.Arrays.fill(coef, (short) 0);
      coef[0] = (short) (random.nextInt(2048) - 1024);
      for (int i = 1; i < nonzero; i++) {
        coef[random.nextInt(64)] = (short) (random.nextInt(1025) - 512 >> random.nextInt(6));
      }
      idct.block(size, coef, 0, quant, out, 0, 8);
      double[] exact = exactIdct(coef);
      int span = 8 / size;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double sum = 0;
          for (int dy = 0; dy < span; dy++) {
            for (int dx = 0; dx < span; dx++) {
              sum += exact[(y * span + dy) * 8 + x * span + dx];
            }
          }
          long reference = Math.max(0, Math.min(255, Math.round(sum / (span * span) + 128)));
          int difference = (int) Math.abs((out[y * 8 + x] & 0xFF) - reference);
          worst = Math.max(worst, difference);
        }
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1);
  }

  private static double[] exactIdct(short[] coef) {
    double[] out = new double[64];
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        double sum = 0;
        for (int v = 0; v < 8; v++) {
          for (int u = 0; u < 8; u++) {
            double cu = u == 0 ? Math.sqrt(0.5) : 1;
            double cv = v == 0 ? Math.sqrt(0.5) : 1;
            sum += cu * cv * coef[v * 8 + u] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                * Math.cos((2 * y + 1) * v * Math.PI / 16);
          }
        }
        out[y * 8 + x] = sum / 4;
      }
    }
    return out;
  }

  @ParameterizedTest(name = "1/{0}")
  @ValueSource(ints = {2, 4, 8})
  void aScaledDecodeHasTheRoundedUpSizeAndTheMeansOfTheFullDecode(int d) throws Exception {
    for (int[] size : new int[][] {{1023, 767}, {17, 9}, {1, 1}, {33, 65}}) {
      int w = size[0];
      int h = size[1];
      BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      grey.getGraphics().drawImage(JpegFiles.smooth(w, h, 11), 0, 0, null);
      byte[] jpeg = JpegFiles.encode(grey, d == 4, Sampling.S444, 0, 0.9f);
      JpegImage full = JpegFiles.decode(jpeg, 1);
      JpegImage scaled = JpegFiles.decode(jpeg, d);

      assertThat(scaled.width() + "x" + scaled.height())
          .isEqualTo(((w + d - 1) / d) + "x" + ((h + d - 1) / d));
      assertThat(scaled.sourceWidth() + "x" + scaled.sourceHeight()).isEqualTo(w + "x" + h);
      // The mean of the full decode's samples, each rounded (±0.5), is within 0.5 + 0.08 of the
      // exact mean; the scaled sample within 0.5 + 0.08 of it too (the bound above, for a
      // photo's small coefficients): less than 2 apart, at most 2 after rounding. A block at
      // the right or bottom edge also averages the padding beyond the image, which the full
      // decode crops: only whole blocks are compared.
      int worst = 0;
      for (int y = 0; y < (h / 8) * 8 / d; y++) {
        for (int x = 0; x < (w / 8) * 8 / d; x++) {
          int sum = 0;
          for (int dy = 0; dy < d; dy++) {
            for (int dx = 0; dx < d; dx++) {
              sum += full.rgb()[3 * ((y * d + dy) * w + x * d + dx)] & 0xFF;
            }
          }
          int mean = Math.round(sum / (float) (d * d));
          worst = Math.max(worst,
              Math.abs((scaled.rgb()[3 * (y * scaled.width() + x)] & 0xFF) - mean));
        }
      }
      assertThat(worst).as("%dx%d", w, h).isLessThanOrEqualTo(2);
    }
  }
}
