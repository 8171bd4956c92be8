package dev.imgdl.core.image;

import static dev.imgdl.testing.SampleFiles.bytes;
import static dev.imgdl.testing.SampleFiles.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.SampleFiles;
import dev.imgdl.testing.SampleFiles.Sample;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures, and the header checks of the formats whose signature is short. {@code detect} is
 * called again as bytes stream in, so every prefix of a real file must give null or its format,
 * never another, and a body must not be judged before its header is in.
 */
class ImageFormatTest {

  static Stream<Arguments> realFiles() {
    return Stream.of(
            Arrays.stream(SampleFiles.jpegs()).map(s -> Arguments.of(s, ImageFormat.JPEG)),
            Arrays.stream(SampleFiles.bmps()).map(s -> Arguments.of(s, ImageFormat.BMP)),
            Arrays.stream(SampleFiles.icos()).map(s -> Arguments.of(s, ImageFormat.ICO)))
        .flatMap(s -> s);
  }

  static Sample[] hostile() {
    return SampleFiles.hostile();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("realFiles")
  void samplesAreRealImages(Sample sample, ImageFormat format) {
    boolean decodes = format == ImageFormat.ICO
        ? SampleFiles.icoImageDecodes(sample.bytes())
        : SampleFiles.decodes(sample.bytes());
    assertThat(decodes).as("decodes").isTrue();
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("realFiles")
  void recognizesARealFileAndNoOtherFormatOnAnyPrefixOfIt(Sample sample, ImageFormat format) {
    byte[] bytes = sample.bytes();
    assertThat(ImageFormat.detect(bytes, bytes.length)).isEqualTo(format);
    for (int length = 0; length < bytes.length; length++) {
      assertThat(ImageFormat.detect(bytes, length)).as("first %d bytes", length)
          .isIn(null, format);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void textThatStartsWithAShortSignatureIsNotAnImage(Sample sample) {
    byte[] bytes = sample.bytes();
    for (int length = 0; length <= bytes.length; length++) {
      assertThat(ImageFormat.detect(bytes, length)).as("first %d bytes", length).isNull();
    }
  }

  @Test
  void aBitmapIsJudgedOnlyOnceItsHeadersAreIn() {
    byte[] bmp = SampleFiles.bmps()[0].bytes();
    assertThat(ImageFormat.detect(bmp, 29)).isNull();
    assertThat(ImageFormat.detect(bmp, 30)).isEqualTo(ImageFormat.BMP);
    byte[] os2 = SampleFiles.bmpByHand(12);
    assertThat(ImageFormat.detect(os2, 25)).isNull();
    assertThat(ImageFormat.detect(os2, 26)).isEqualTo(ImageFormat.BMP);
  }

  @Test
  void anIconIsJudgedOnlyOnceItsFirstEntryIsIn() {
    byte[] ico = SampleFiles.icos()[0].bytes();
    assertThat(ImageFormat.detect(ico, 21)).isNull();
    assertThat(ImageFormat.detect(ico, 22)).isEqualTo(ImageFormat.ICO);
  }

  @Test
  void aBitmapNeedsConsistentHeaders() {
    assertBmp(b -> {}, true);
    assertBmp(b -> b[14] = 41, false); // DIB header size
    assertBmp(b -> b[10] = 14 + 39, false); // pixel data inside the headers
    assertBmp(b -> b[18] = 0, false); // width
    assertBmp(b -> b[21] = (byte) 0x80, false); // negative width
    assertBmp(b -> b[22] = 0, false); // height
    assertBmp(b -> Arrays.fill(b, 22, 26, (byte) 0xFF), true); // top-down: height -1
    assertBmp(b -> b[26] = 2, false); // planes
    assertBmp(b -> b[28] = 3, false); // bits per pixel
    assertBmp(b -> b[28] = 64, true);
    assertBmp(b -> Arrays.fill(b, 2, 10, (byte) 0x7A), true); // file size and reserved
  }

  @Test
  void anIconNeedsAConsistentFirstEntry() {
    assertIco(b -> {}, true);
    assertIco(b -> b[4] = 0, false); // no image
    assertIco(b -> b[4] = 2, false); // two images, but the data starts inside the directory
    assertIco(b -> b[9] = 7, false); // reserved
    assertIco(b -> b[10] = 2, false); // planes
    assertIco(b -> b[10] = 0, true);
    assertIco(b -> b[12] = 2, false); // bits per pixel
    assertIco(b -> b[12] = 0, true);
    assertIco(b -> Arrays.fill(b, 14, 18, (byte) 0), false); // size
    assertIco(b -> b[18] = 21, false); // data inside the directory
  }

  @Test
  void aJpegNeedsAMarkerThatCanFollowTheStartOfImage() {
    for (int marker : new int[] {0xE0, 0xE1, 0xE2, 0xED, 0xEE, 0xDB, 0xC4, 0xC0, 0xC2, 0xFE}) {
      assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF, marker), 4))
          .as("marker %02X", marker).isEqualTo(ImageFormat.JPEG);
    }
    for (int marker : new int[] {0x00, 'J', 0x7F, 0xBF, 0xD0, 0xD8, 0xD9, 0xDA}) {
      assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF, marker), 4))
          .as("marker %02X", marker).isNull();
    }
    assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF), 3)).isNull();
    assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF, 0xFF, 0xFF), 5)).isNull();
  }

  @Test
  void anAvifWhoseFirstBoxIs256BytesLongIsNotAnIcon() {
    byte[] avif = concat(bytes(0, 0, 1, 0), "ftypavif".getBytes(), new byte[248]);
    assertThat(ImageFormat.detect(avif, avif.length)).isEqualTo(ImageFormat.AVIF);
  }

  private static void assertBmp(Consumer<byte[]> change, boolean accepted) {
    byte[] bmp = SampleFiles.bmpByHand(40);
    change.accept(bmp);
    assertThat(ImageFormat.detect(bmp, bmp.length)).isEqualTo(accepted ? ImageFormat.BMP : null);
  }

  private static void assertIco(Consumer<byte[]> change, boolean accepted) {
    byte[] ico = SampleFiles.icos()[1].bytes();
    change.accept(ico);
    assertThat(ImageFormat.detect(ico, ico.length)).isEqualTo(accepted ? ImageFormat.ICO : null);
  }
}
