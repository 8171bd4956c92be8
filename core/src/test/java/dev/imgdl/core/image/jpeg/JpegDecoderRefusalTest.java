package dev.imgdl.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the decoder does not take (null, before decoding) and what it cannot decode (its own
 * exception, bounded in time and memory), never anything else.
 */
class JpegDecoderRefusalTest {
  private static final BufferedImage PICTURE =
      JpegFiles.photo(120, 90, BufferedImage.TYPE_INT_RGB, 4);

  static byte[] baseline() {
    return JpegFiles.encode(PICTURE, false, Sampling.S420, 0, 0.9f);
  }

  static byte[] progressive() {
    return JpegFiles.encode(PICTURE, true, Sampling.S420, 4, 0.9f);
  }

  static Stream<Arguments> notMine() {
    return Stream.of(
        Arguments.of("CMYK (Adobe, 4 components)", (Supplier<byte[]>) JpegFiles::cmyk),
        Arguments.of("YCbCr under an Adobe transform 0 (RGB)",
            (Supplier<byte[]>) () -> JpegFiles.withAdobeTransform(baseline(), 0)),
        Arguments.of("an ICC profile",
            (Supplier<byte[]>) () -> JpegFiles.withLinearRgbProfile(progressive())),
        Arguments.of("arithmetic coding (SOF9)",
            (Supplier<byte[]>) () -> JpegFiles.withFrameMarker(baseline(), 0xC9)),
        Arguments.of("12-bit samples",
            (Supplier<byte[]>) () -> JpegFiles.withPrecision(baseline(), 12)),
        Arguments.of("lossless (SOF3)",
            (Supplier<byte[]>) () -> JpegFiles.withFrameMarker(baseline(), 0xC3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notMine")
  void aJpegItDoesNotTakeIsLeftToAnotherDecoder(String name, Supplier<byte[]> jpeg)
      throws Exception {
    int[] asked = {0};
    JpegImage image = JpegDecoder.decode(jpeg.get(), 1, Long.MAX_VALUE, length -> {
      asked[0]++;
      return new byte[length];
    }, new JpegMemory(1 << 20));

    assertThat(image).isNull();
    assertThat(asked[0]).as("output arrays asked for").isZero();
  }

  static Stream<Arguments> corrupt() {
    Stream.Builder<Arguments> all = Stream.builder();
    for (boolean progressive : new boolean[] {false, true}) {
      byte[] jpeg = progressive ? progressive() : baseline();
      String kind = progressive ? "progressive" : "baseline";
      for (double cut : new double[] {0.05, 0.2, 0.5, 0.8, 0.99}) {
        all.add(Arguments.of(kind + " cut at " + cut,
            Arrays.copyOf(jpeg, (int) (jpeg.length * cut))));
      }
      int data = JpegFiles.firstScanData(jpeg);
      for (int at : new int[] {data + 10, data + 100, (data + jpeg.length) / 2}) {
        byte[] flipped = jpeg.clone();
        flipped[at] ^= 0x5A;
        all.add(Arguments.of(kind + " with byte " + at + " flipped", flipped));
      }
      all.add(Arguments.of(kind + " with a bad Huffman table", JpegFiles.withBadHuffman(jpeg)));
      all.add(Arguments.of(kind + " without its end marker",
          Arrays.copyOf(jpeg, jpeg.length - 2)));
    }
    return all.build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corrupt")
  void aCorruptJpegGivesTheDecodersExceptionOrAnImageAndNothingElse(String name, byte[] jpeg) {
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int d : new int[] {1, 2, 8}) {
        try {
          JpegImage image = JpegFiles.decode(jpeg, d);
          assertThat(image).isNotNull();
          assertThat(image.width()).isEqualTo((120 + d - 1) / d);
        } catch (JpegException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    });
  }

  @Test
  void aBadHuffmanTableIsTheDecodersException() {
    assertThatThrownBy(() -> JpegFiles.decode(JpegFiles.withBadHuffman(baseline()), 1))
        .isInstanceOf(JpegException.class).hasMessage("bad Huffman table");
  }

  @Test
  void aFrameLargerThanAllowedIsRefusedBeforeAnythingIsAllocated() {
    byte[] jpeg = JpegFiles.withSize(baseline(), 40000, 40000);
    int[] asked = {0};
    assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        assertThatThrownBy(() -> JpegDecoder.decode(jpeg, 1, 1_000_000, length -> {
          asked[0]++;
          return new byte[length];
        }, new JpegMemory(0)))
            .isInstanceOf(JpegException.class).hasMessageContaining("40000x40000"));
    assertThat(asked[0]).isZero();
  }

  @Test
  void aTruncatedBaselineJpegIsTheDecodersExceptionAtEveryScale() {
    byte[] jpeg = baseline();
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 3 / 5);
    for (int d : new int[] {1, 2, 4, 8}) {
      assertThatThrownBy(() -> JpegFiles.decode(cut, d)).isInstanceOf(JpegException.class);
    }
  }

  @Test
  void theHundredAndFirstScanIsTheDecodersExceptionAndAHundredDecode() throws Exception {
    byte[] hundred = JpegFiles.withScans(progressive(), 100);

    assertThat(JpegFiles.decode(hundred, 1).width()).isEqualTo(120);
    assertThatThrownBy(() -> JpegFiles.decode(JpegFiles.withScans(progressive(), 101), 1))
        .isInstanceOf(JpegException.class).hasMessage("more than 100 scans");
  }
}
