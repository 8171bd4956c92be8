package dev.imgdl.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** At scale 1 the decoder's bytes are ImageIO's (libjpeg 6b's), to the last one. */
class JpegDecoderExactnessTest {
  private static final int[][] SIZES = {{1, 1}, {7, 5}, {17, 9}, {33, 65}, {1023, 767}};

  static Stream<Arguments> files() {
    List<Arguments> all = new ArrayList<>();
    for (boolean progressive : new boolean[] {false, true}) {
      for (Sampling sampling : Sampling.values()) {
        for (int[] size : SIZES) {
          for (int restart : new int[] {0, 3}) {
            all.add(Arguments.of(progressive, sampling, size[0], size[1], restart));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "progressive {0}, {1}, {2}x{3}, restart {4}")
  @MethodSource("files")
  void decodesEveryByteAsImageIoDoes(boolean progressive, Sampling sampling, int w, int h,
      int restart) throws Exception {
    BufferedImage picture = JpegFiles.photo(w, h, BufferedImage.TYPE_INT_RGB, w * 31L + h);
    byte[] jpeg = JpegFiles.encode(picture, progressive, sampling, restart, 0.9f);

    assertSameAsImageIo(jpeg);
  }

  @ParameterizedTest(name = "quality {0}, progressive {1}")
  @MethodSource("qualities")
  void decodesTheExtremeQualitiesAsImageIoDoes(float quality, boolean progressive)
      throws Exception {
    BufferedImage picture = JpegFiles.photo(301, 203, BufferedImage.TYPE_INT_RGB, 5);
    assertSameAsImageIo(JpegFiles.encode(picture, progressive, Sampling.S420, 0, quality));
    assertSameAsImageIo(JpegFiles.encode(JpegFiles.smooth(301, 203, 5), progressive,
        Sampling.S422, 0, quality));
  }

  static Stream<Arguments> qualities() {
    return Stream.of(Arguments.of(0.1f, false), Arguments.of(0.1f, true),
        Arguments.of(1.0f, false), Arguments.of(1.0f, true));
  }

  @Test
  void decodesAGreyJpegAsImageIoDoes() throws Exception {
    BufferedImage grey = JpegFiles.photo(97, 61, BufferedImage.TYPE_BYTE_GRAY, 3);
    assertSameAsImageIo(JpegFiles.encode(grey, false, Sampling.S444, 0, 0.9f));
    assertSameAsImageIo(JpegFiles.encode(grey, true, Sampling.S444, 2, 0.9f));
  }

  @Test
  void decodesAJpegWithExifAsImageIoDoes() throws Exception {
    BufferedImage picture = JpegFiles.photo(64, 48, BufferedImage.TYPE_INT_RGB, 8);
    for (boolean progressive : new boolean[] {false, true}) {
      byte[] jpeg = JpegFiles.withExif(
          JpegFiles.encode(picture, progressive, Sampling.S420, 0, 0.9f), 6);
      assertSameAsImageIo(jpeg);
    }
  }

  static void assertSameAsImageIo(byte[] jpeg) throws JpegException {
    byte[] expected = JpegFiles.imageIo(jpeg);
    JpegImage image = JpegFiles.decode(jpeg, 1);
    assertThat(image).isNotNull();
    byte[] actual = java.util.Arrays.copyOf(image.rgb(), 3 * image.width() * image.height());
    int differ = firstDifference(expected, actual);
    assertThat(differ).as("first differing byte (pixel %d of a %dx%d image)",
        differ / 3, image.width(), image.height()).isEqualTo(-1);
  }

  private static int firstDifference(byte[] a, byte[] b) {
    if (a.length != b.length) {
      return Math.min(a.length, b.length);
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return -1;
  }
}
