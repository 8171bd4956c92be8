package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.transform.TransformResult.Transformed;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input gives the same bytes on every thread; shrinking averages, never skips. */
class DeterminismAndQualityTest {
  @TempDir Path dir;

  @Test
  void theSameInputGivesTheSameBytesOnEveryRunAndThread() throws Exception {
    Path body = Pictures.write(dir, "photo.jpg", ImageTransformTest.noise(640, 480), "jpg");
    Path alpha = Pictures.write(dir, "alpha.png", Pictures.twoColours(300, 500,
        new java.awt.Color(10, 200, 30, 128), 100, 100, java.awt.Color.RED,
        BufferedImage.TYPE_INT_ARGB), "png");
    for (EncodeFormat format : EncodeFormat.values()) {
      for (ResizeMode mode : ResizeMode.values()) {
        if (mode == ResizeMode.NO) {
          continue;
        }
        ImageTransform transform = new ImageTransform(TransformSettings.builder().size(200)
            .mode(mode).format(format).build(), new PixelBudget(10_000_000));
        assertThat(hashes(transform, body, ImageFormat.JPEG)).as(format + " " + mode).hasSize(1);
        assertThat(hashes(transform, alpha, ImageFormat.PNG)).as(format + " " + mode).hasSize(1);
      }
    }
  }

  private Set<String> hashes(ImageTransform transform, Path body, ImageFormat format)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<TransformResult>> runs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Path out = dir.resolve("out-" + i);
        runs.add(pool.submit(() -> transform.apply(body, format, out)));
      }
      Set<String> hashes = new HashSet<>();
      for (Future<TransformResult> run : runs) {
        hashes.add(((Transformed) run.get()).sha256());
      }
      return hashes;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aOnePixelCheckerboardShrunkFourTimesIsEvenGrey() throws Exception {
    BufferedImage board = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x++) {
        board.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
      }
    }
    Path body = Pictures.write(dir, "board.png", board, "png");
    ImageTransform transform = new ImageTransform(TransformSettings.builder().size(64)
        .format(EncodeFormat.PNG).build(), new PixelBudget(1_000_000));

    transform.apply(body, ImageFormat.PNG, dir.resolve("out"));

    BufferedImage out = Pictures.read(dir.resolve("out"));
    assertThat(out.getWidth()).isEqualTo(64);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        assertThat(Pictures.near(out.getRGB(x, y), new java.awt.Color(128, 128, 128), 2))
            .as(x + "," + y + " " + Pictures.rgb(out.getRGB(x, y))).isTrue();
      }
    }
  }

  @Test
  void aNonIntegerShrinkIsEvenGreyToo() throws Exception {
    // 1024 to 300: each output pixel covers 3.41 source columns and rows.
    BufferedImage board = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 1024; y++) {
      for (int x = 0; x < 1024; x++) {
        board.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
      }
    }
    Pixels out = Resampler.resize(Rgb8.of(board), 300, 300);

    for (int p : out.argb()) {
      assertThat(Pictures.near(p, new java.awt.Color(128, 128, 128), 12))
          .as(Pictures.rgb(p)).isTrue();
    }
  }

  @Test
  void theColourOfInvisiblePixelsDoesNotBleedIntoVisibleOnes() {
    // Five columns of transparent red, then opaque blue, shrunk 4x: the second output pixel
    // covers one transparent column and three blue ones. Blue, 3/4 opaque; averaged without
    // alpha it would be purple.
    BufferedImage image = Pictures.twoColours(12, 4, java.awt.Color.BLUE, 5, 4,
        new java.awt.Color(255, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);

    Pixels out = Resampler.resize(Rgb8.of(image), 3, 1);

    assertThat(Pictures.rgb(out.argb()[1])).isEqualTo("rgba(0,0,255,191)");
  }

  @Test
  void enlargingKeepsFlatColoursFlat() {
    BufferedImage red = Pictures.twoColours(10, 10, java.awt.Color.RED, 0, 0, java.awt.Color.RED,
        BufferedImage.TYPE_INT_RGB);

    Pixels out = Resampler.resize(Rgb8.of(red), 37, 23);

    assertThat(out.argb()).containsOnly(0xFFFF0000);
  }
}
