package dev.imgdl.core.image.transform;

import static dev.imgdl.core.image.jpeg.JpegFiles.Sampling.S420;
import static dev.imgdl.core.image.jpeg.JpegFiles.Sampling.S444;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.jpeg.JpegFiles;
import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JPEGs decoded into a slot's reused raster: ImageIO's pixels, and no raster of garbage. */
class DecodeSlotsTest {
  private static final int W = 256;
  private static final int H = 192;

  @TempDir Path dir;

  static Stream<Arguments> jpegs() {
    BufferedImage rgb = JpegFiles.photo(W, H, BufferedImage.TYPE_INT_RGB, 1);
    BufferedImage grey = JpegFiles.photo(W, H, BufferedImage.TYPE_BYTE_GRAY, 2);
    byte[] progressive = encode(rgb, true, S420, 0);
    return Stream.of(
        jpeg("baseline 4:2:0", () -> encode(rgb, false, S420, 0)),
        jpeg("baseline 4:4:4", () -> encode(rgb, false, S444, 0)),
        jpeg("baseline, restart every 5 MCUs", () -> encode(rgb, false, S420, 5)),
        jpeg("progressive 4:2:0", () -> progressive),
        jpeg("progressive 4:4:4", () -> encode(rgb, true, S444, 0)),
        jpeg("progressive, restart every 3 MCUs", () -> encode(rgb, true, S420, 3)),
        jpeg("progressive, Exif orientation 6",
            () -> Pictures.withOrientation(progressive, 6)),
        jpeg("progressive grey", () -> encode(grey, true, S444, 0)),
        jpeg("progressive, linear RGB profile", () -> JpegFiles.withLinearRgbProfile(progressive)),
        jpeg("progressive, cut at half", () -> truncated(progressive, 0.5)),
        jpeg("baseline, cut at 60 %",
            () -> truncated(encode(rgb, false, S420, 0), 0.6)));
  }

  private static Arguments jpeg(String name, Supplier<byte[]> bytes) {
    return Arguments.of(name, bytes);
  }

  /** {@code image} as a JPEG of quality 0.9 (grey: {@code S444}, its one component 1×1). */
  private static byte[] encode(BufferedImage image, boolean progressive, Sampling sampling,
      int restartInterval) {
    return JpegFiles.encode(image, progressive, sampling, restartInterval, 0.9f);
  }

  /** The first {@code fraction} of the file, as a broken download leaves it. */
  private static byte[] truncated(byte[] jpeg, double fraction) {
    return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jpegs")
  void aJpegDecodedIntoAUsedSlotHasTheSamePixelsAsImageIosOwnImage(String name,
      Supplier<byte[]> bytes) throws Exception {
    Path other = Pictures.write(dir, "other.jpg",
        encode(JpegFiles.photo(W, H, BufferedImage.TYPE_INT_RGB, 9), false, S420, 0));
    Path file = Pictures.write(dir, "image.jpg", bytes.get());
    DecodeSlots slots = new DecodeSlots(1, Integer.MAX_VALUE);
    try (DecodeSlots.Slot slot = slots.acquire()) {
      ImageDecoder.imageIo(other, ImageFormat.JPEG, W * H, slot); // leaves its pixels behind
    }

    Rgb8 decoded;
    try (DecodeSlots.Slot slot = slots.acquire()) {
      decoded = ImageDecoder.imageIo(file, ImageFormat.JPEG, W * H, slot);
    }

    Rgb8 expected = Rgb8.of(imageIo(file));
    assertThat(decoded.width + "x" + decoded.height)
        .isEqualTo(expected.width + "x" + expected.height);
    int[] row = new int[decoded.width];
    int[] expectedRow = new int[decoded.width];
    for (int y = 0; y < decoded.height; y++) {
      decoded.row(y, row);
      expected.row(y, expectedRow);
      assertThat(row).as("row %d", y).isEqualTo(expectedRow);
    }
  }

  @Test
  void aColourJpegIsDecodedIntoTheSlotsRaster() throws Exception {
    Path file = Pictures.write(dir, "image.jpg",
        encode(JpegFiles.photo(W, H, BufferedImage.TYPE_INT_RGB, 1), true, S420, 0));
    try (DecodeSlots.Slot slot = new DecodeSlots(1, Integer.MAX_VALUE).acquire()) {
      Rgb8 decoded = ImageDecoder.imageIo(file, ImageFormat.JPEG, W * H, slot);

      assertThat(decoded).isInstanceOf(Rgb8.Interleaved.class);
      assertThat(((Rgb8.Interleaved) decoded).bytes).isSameAs(slot.bytes(1));
    }
  }

  @Test
  void shapingPhotosLeavesLessGarbageThanOneOfTheirRasters() throws Exception {
    BufferedImage photo = JpegFiles.photo(1024, 768, BufferedImage.TYPE_INT_RGB, 3);
    Path baseline = Pictures.write(dir, "baseline.jpg", encode(photo, false, S420, 0));
    Path progressive = Pictures.write(dir, "progressive.jpg", encode(photo, true, S420, 0));
    ImageTransform transform = new ImageTransform(TransformSettings.builder().size(256).build(),
        new PixelBudget(10_000_000));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long raster = 1024 * 768 * 3;

    for (Path file : new Path[] {baseline, progressive}) {
      for (int i = 0; i < 3; i++) {
        transform.apply(file, ImageFormat.JPEG, dir.resolve("warm-up.jpg"));
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 5; i++) {
        transform.apply(file, ImageFormat.JPEG, dir.resolve("out.jpg"));
      }
      long perImage = (threads.getCurrentThreadAllocatedBytes() - before) / 5;

      assertThat(perImage).as("bytes allocated to shape %s", file.getFileName())
          .isLessThan(raster);
    }
  }

  @Test
  void noMoreTransformsRunAtOnceThanThereAreSlots() throws Exception {
    DecodeSlots slots = new DecodeSlots(2, 0);
    DecodeSlots.Slot first = slots.acquire();
    DecodeSlots.Slot second = slots.acquire();
    CompletableFuture<DecodeSlots.Slot> third = CompletableFuture.supplyAsync(() -> {
      try {
        return slots.acquire();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(third).isNotDone();
    first.close();
    first.close(); // once only: a second close frees nothing more

    assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(first);
    second.close();
    third.get().close();
  }

  private static BufferedImage imageIo(Path file) throws Exception {
    ImageReader reader = ImageDecoder.reader(ImageFormat.JPEG);
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in, true, true);
      return reader.read(0);
    } finally {
      reader.dispose();
    }
  }
}
