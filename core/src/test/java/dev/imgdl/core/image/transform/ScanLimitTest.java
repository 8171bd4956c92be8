package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.jpeg.JpegFiles;
import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import dev.imgdl.core.image.transform.TransformResult.Refused;
import dev.imgdl.core.image.transform.TransformResult.Transformed;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JPEG of thousands of scans (each a pass of every decoder over the image) is refused before
 * either decoder runs; a normal progressive one still decodes.
 */
class ScanLimitTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final String REFUSED = "cannot decode jpg: 5000 scans (at most 100)";

  @TempDir Path dir;

  private static byte[] progressive() {
    return JpegFiles.encode(JpegFiles.photo(W, H, BufferedImage.TYPE_INT_RGB, 5), true,
        Sampling.S420, 0, 0.9f);
  }

  /** The file as it is goes to imgdl's decoder; with an ICC profile or Adobe's RGB, ImageIO. */
  static Stream<Arguments> decoders() {
    return Stream.of(
        Arguments.of("imgdl's decoder", (UnaryOperator<byte[]>) jpeg -> jpeg),
        Arguments.of("ImageIO (ICC profile)",
            (UnaryOperator<byte[]>) JpegFiles::withLinearRgbProfile),
        Arguments.of("ImageIO (Adobe transform 0)",
            (UnaryOperator<byte[]>) jpeg -> JpegFiles.withAdobeTransform(jpeg, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decoders")
  void aJpegOfFiveThousandScansIsRefusedBeforeEitherDecoderRuns(String name,
      UnaryOperator<byte[]> marked) {
    Path file = Pictures.write(dir, "scans.jpg",
        marked.apply(JpegFiles.withScans(progressive(), 5000)));
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try (DecodeSlots.Slot slot = slots.acquire()) {
        assertThatThrownBy(() -> ImageDecoder.decode(file, ImageFormat.JPEG, W * H, slot, 32,
            24)).isInstanceOf(DecodeFailure.class).hasMessage(REFUSED);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decoders")
  void aNormalProgressiveJpegStillDecodes(String name, UnaryOperator<byte[]> marked)
      throws Exception {
    Path file = Pictures.write(dir, "normal.jpg", marked.apply(progressive()));
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);

    try (DecodeSlots.Slot slot = slots.acquire()) {
      Rgb8 image = ImageDecoder.decode(file, ImageFormat.JPEG, W * H, slot, 32, 24);
      assertThat(image.sourceWidth + "x" + image.sourceHeight).isEqualTo(W + "x" + H);
    }
  }

  @Test
  void aTransformOfAJpegWithTooManyScansFailsWithTheReason() throws Exception {
    Path body = Pictures.write(dir, "scans.jpg", JpegFiles.withScans(progressive(), 5000));

    TransformResult result = new ImageTransform(TransformSettings.builder().size(32).build(),
        new PixelBudget(100_000_000)).apply(body, ImageFormat.JPEG, dir.resolve("out"));

    assertThat(result).isEqualTo(new Refused(REFUSED));
  }

  @Test
  void aTransformOfAHundredScansIsSaved() throws Exception {
    Path body = Pictures.write(dir, "scans.jpg", JpegFiles.withScans(progressive(), 100));

    TransformResult result = new ImageTransform(TransformSettings.builder().size(32).build(),
        new PixelBudget(100_000_000)).apply(body, ImageFormat.JPEG, dir.resolve("out"));

    assertThat(result).isInstanceOf(Transformed.class);
  }
}
