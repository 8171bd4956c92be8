package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.jpeg.JpegDecoder;
import dev.imgdl.core.image.jpeg.JpegImage;
import dev.imgdl.core.image.jpeg.JpegFiles;
import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JPEGs decoded at a DCT scale for the resampler, and those left to ImageIO as before. */
class ScaledJpegTest {
  private static final int W = 1024;
  private static final int H = 768;

  @TempDir Path dir;

  @Test
  void aProgressivePhotoResizedToAQuarterIsDecodedAtHalfItsSize() throws Exception {
    Path file = Pictures.write(dir, "photo.jpg", JpegFiles.encode(
        JpegFiles.photoLike(W, H, 1), true, Sampling.S420, 0, 0.9f));

    Rgb8 decoded = decode(file, W * H, 256, 192);

    assertThat(decoded.width + "x" + decoded.height).isEqualTo("512x384");
    assertThat(decoded.sourceWidth + "x" + decoded.sourceHeight).isEqualTo("1024x768");
  }

  @Test
  void aBaselinePhotoResizedToAnEighthIsDecodedAtAQuarterOfItsSize() throws Exception {
    Path file = Pictures.write(dir, "photo.jpg", JpegFiles.encode(
        JpegFiles.photoLike(W, H, 1), false, Sampling.S420, 0, 0.9f));

    Rgb8 decoded = decode(file, W * H, 128, 96);

    assertThat(decoded.width + "x" + decoded.height).isEqualTo("256x192");
    assertThat(decoded.sourceWidth + "x" + decoded.sourceHeight).isEqualTo("1024x768");
  }

  @Test
  void theScaleLeavesTwiceTheTargetOnBothSides() {
    assertThat(ScaledJpeg.denominator(1024, 768, 256, 192, true)).isEqualTo(2);
    assertThat(ScaledJpeg.denominator(1024, 768, 128, 96, false)).isEqualTo(4);
    assertThat(ScaledJpeg.denominator(1024, 768, 64, 48, true)).isEqualTo(8);
    assertThat(ScaledJpeg.denominator(1024, 768, 32, 24, false)).isEqualTo(8);
    assertThat(ScaledJpeg.denominator(1024, 768, 256, 385, true)).isEqualTo(1);
    assertThat(ScaledJpeg.denominator(1023, 767, 256, 192, true)).isEqualTo(2);
    assertThat(ScaledJpeg.denominator(1023, 767, 128, 96, true)).isEqualTo(4);
    // A baseline JPEG at 1/2 or full size is faster through ImageIO (ScaledJpeg.denominator).
    assertThat(ScaledJpeg.denominator(1024, 768, 256, 192, false)).isEqualTo(0);
    assertThat(ScaledJpeg.denominator(1024, 768, 300, 225, false)).isEqualTo(0);
  }

  /**
   * Full decode and area 4× against 1/2 decode and area 2×, 1024×768 to 256×192, on a
   * photo-like picture (shading, hard edges, noise). Measured, per sample (of 147,456): 4:4:4
   * mean difference 0.22, max 5, one sample over 4; 4:2:0 0.20, max 15, 218 over 4 (0.15 %);
   * 4:2:2 0.32, max 17, 510 over 4 (0.35 %). The large ones lie along hard colour edges: the
   * full decode's fancy upsampling spreads a quarter of a chroma step into the next pixel,
   * while at 1/2 the chroma is decoded at its own resolution and not upsampled at all. The
   * bounds are those figures with a little room.
   */
  @ParameterizedTest(name = "{0}, progressive {1}")
  @MethodSource("samplings")
  void theScaledPipelineGivesNearlyTheSamePixelsAsTheFullOne(Sampling sampling,
      boolean progressive) throws Exception {
    Path file = Pictures.write(dir, "photo.jpg", JpegFiles.encode(
        JpegFiles.photoLike(W, H, 7), progressive, sampling, 0, 0.9f));
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);
    Pixels full;
    Pixels scaled;
    try (DecodeSlots.Slot slot = slots.acquire()) {
      full = Resampler.resize(ImageDecoder.imageIo(file, ImageFormat.JPEG, W * H, slot), 256,
          192);
    }
    try (DecodeSlots.Slot slot = slots.acquire()) {
      JpegImage image = JpegDecoder.decode(Files.readAllBytes(file), 2, W * H, slot::bytes,
          slot.jpegMemory());
      Rgb8 half = new Rgb8.Interleaved(image.width(), image.height(), image.rgb(), true,
          image.sourceWidth(), image.sourceHeight());
      assertThat(half.width).isEqualTo(512);
      scaled = Resampler.resize(half, 256, 192);
    }

    long sum = 0;
    int max = 0;
    int far = 0;
    for (int i = 0; i < 256 * 192; i++) {
      for (int shift = 0; shift <= 16; shift += 8) {
        int d = Math.abs((full.argb()[i] >> shift & 0xFF) - (scaled.argb()[i] >> shift & 0xFF));
        sum += d;
        max = Math.max(max, d);
        far += d > 4 ? 1 : 0;
      }
    }
    double mean = sum / (3.0 * 256 * 192);
    assertThat(mean).isLessThan(0.4);
    assertThat(max).isLessThanOrEqualTo(20);
    assertThat(far).isLessThan(3 * 256 * 192 / 200);
  }

  static Stream<Arguments> samplings() {
    return Stream.of(Arguments.of(Sampling.S420, false), Arguments.of(Sampling.S420, true),
        Arguments.of(Sampling.S444, false), Arguments.of(Sampling.S422, true));
  }

  static Stream<Arguments> leftToImageIo() {
    BufferedImage picture = JpegFiles.photo(160, 120, BufferedImage.TYPE_INT_RGB, 3);
    Supplier<byte[]> progressive = () -> JpegFiles.encode(picture, true, Sampling.S420, 0, 0.9f);
    Supplier<byte[]> baseline = () -> JpegFiles.encode(picture, false, Sampling.S420, 0, 0.9f);
    return Stream.of(
        Arguments.of("CMYK", (Supplier<byte[]>) JpegFiles::cmyk),
        Arguments.of("Adobe transform 0",
            (Supplier<byte[]>) () -> JpegFiles.withAdobeTransform(progressive.get(), 0)),
        Arguments.of("ICC profile",
            (Supplier<byte[]>) () -> JpegFiles.withLinearRgbProfile(progressive.get())),
        Arguments.of("arithmetic SOF9",
            (Supplier<byte[]>) () -> JpegFiles.withFrameMarker(progressive.get(), 0xC9)),
        Arguments.of("12-bit",
            (Supplier<byte[]>) () -> JpegFiles.withPrecision(progressive.get(), 12)),
        Arguments.of("progressive cut at 30 %",
            (Supplier<byte[]>) () -> cut(progressive.get(), 0.3)),
        Arguments.of("progressive cut at 90 %",
            (Supplier<byte[]>) () -> cut(progressive.get(), 0.9)),
        Arguments.of("baseline cut at 60 %", (Supplier<byte[]>) () -> cut(baseline.get(), 0.6)),
        Arguments.of("progressive, a byte flipped", (Supplier<byte[]>) () -> {
          byte[] jpeg = progressive.get();
          jpeg[JpegFiles.firstScanData(jpeg) + 40] ^= 0x5A;
          return jpeg;
        }),
        Arguments.of("bad Huffman table",
            (Supplier<byte[]>) () -> JpegFiles.withBadHuffman(progressive.get())),
        Arguments.of("40000x40000 in the frame header",
            (Supplier<byte[]>) () -> JpegFiles.withSize(progressive.get(), 40000, 40000)));
  }

  private static byte[] cut(byte[] jpeg, double fraction) {
    return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("leftToImageIo")
  void aJpegTheDecoderDoesNotTakeOrFindsBrokenDecodesAsThroughImageIo(String name,
      Supplier<byte[]> bytes) throws Exception {
    Path file = Pictures.write(dir, "image.jpg", bytes.get());
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);
    String expected = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> outcome(slots, file, true));
    String actual = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> outcome(slots, file, false));
    assertThat(actual).isEqualTo(expected);
  }

  /** The pixels' hash and size, or the failure's message. */
  private static String outcome(DecodeSlots slots, Path file, boolean imageIo)
      throws InterruptedException {
    try (DecodeSlots.Slot slot = slots.acquire()) {
      Rgb8 image = imageIo ? ImageDecoder.imageIo(file, ImageFormat.JPEG, 160 * 120, slot)
          : ImageDecoder.decode(file, ImageFormat.JPEG, 160 * 120, slot, 160, 120);
      Pixels pixels = image.pixels();
      return pixels.width() + "x" + pixels.height() + " " + Arrays.hashCode(pixels.argb());
    } catch (DecodeFailure e) {
      return e.getMessage();
    }
  }

  private static Rgb8 decode(Path file, long pixels, int w, int h) throws Exception {
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);
    try (DecodeSlots.Slot slot = slots.acquire()) {
      return ImageDecoder.decode(file, ImageFormat.JPEG, pixels, slot, w, h);
    }
  }
}
