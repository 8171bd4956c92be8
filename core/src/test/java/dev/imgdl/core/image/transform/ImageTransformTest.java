package dev.imgdl.core.image.transform;

import static dev.imgdl.core.image.transform.Pictures.near;
import static dev.imgdl.core.image.transform.Pictures.rgb;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.transform.TransformResult.Kept;
import dev.imgdl.core.image.transform.TransformResult.Refused;
import dev.imgdl.core.image.transform.TransformResult.Transformed;
import dev.imgdl.testing.Images;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding every format to 8-bit sRGB, orientation, alpha, and what reaches the saved file. */
class ImageTransformTest {
  private static final Color RED = Color.RED;
  private static final Color BLUE = Color.BLUE;
  private static final Color WHITE = Color.WHITE;

  @TempDir Path dir;

  private TransformResult apply(Path body, ImageFormat format, TransformSettings settings)
      throws Exception {
    return new ImageTransform(settings, new PixelBudget(100_000_000))
        .apply(body, format, dir.resolve("out"));
  }

  /** Decoded and saved as PNG at its own size (nothing resampled), to look at its pixels. */
  private BufferedImage asIs(Path body, ImageFormat format, EncodeFormat encode, int side)
      throws Exception {
    TransformResult result = apply(body, format, TransformSettings.builder().size(side)
        .mode(ResizeMode.KEEP_RATIO_LARGEST).format(encode).build());
    assertThat(result).isInstanceOf(Transformed.class);
    return Pictures.read(dir.resolve("out"));
  }

  @Test
  void exifOrientationSixTurnsTheImageAQuarterClockwise() throws Exception {
    // Stored 40x20 with its top-left 20x10 red: seen upright, 20x40 with the red top right.
    BufferedImage stored = Pictures.twoColours(40, 20, BLUE, 20, 10, RED,
        BufferedImage.TYPE_INT_RGB);
    byte[] jpeg = Pictures.withOrientation(Pictures.encode(stored, "jpg"), 6);
    Path body = Pictures.write(dir, "turned.jpg", jpeg);

    BufferedImage out = asIs(body, ImageFormat.JPEG, EncodeFormat.PNG, 40);

    assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("20x40");
    assertThat(near(out.getRGB(15, 4), RED, 40)).as(rgb(out.getRGB(15, 4))).isTrue();
    assertThat(near(out.getRGB(4, 4), BLUE, 40)).as(rgb(out.getRGB(4, 4))).isTrue();
    assertThat(near(out.getRGB(15, 30), BLUE, 40)).as(rgb(out.getRGB(15, 30))).isTrue();
  }

  @Test
  void aTurnedImageIsFittedAsItIsSeen() throws Exception {
    // Stored 80x40, its top-left 40x20 red; seen 40x80 with the red top right; fitted to 20,
    // seen 10x20 with the red in x 5 to 10, y 0 to 10.
    BufferedImage stored = Pictures.twoColours(80, 40, BLUE, 40, 20, RED,
        BufferedImage.TYPE_INT_RGB);
    Path body = Pictures.write(dir, "turned.jpg",
        Pictures.withOrientation(Pictures.encode(stored, "jpg"), 6));

    Transformed result = (Transformed) apply(body, ImageFormat.JPEG, TransformSettings.builder()
        .size(20).mode(ResizeMode.KEEP_RATIO_LARGEST).format(EncodeFormat.PNG).build());

    BufferedImage out = Pictures.read(dir.resolve("out"));
    assertThat(result.originalWidth() + "x" + result.originalHeight()).isEqualTo("40x80");
    assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("10x20");
    assertThat(near(out.getRGB(8, 3), RED, 40)).as(rgb(out.getRGB(8, 3))).isTrue();
    assertThat(near(out.getRGB(2, 3), BLUE, 40)).as(rgb(out.getRGB(2, 3))).isTrue();
    assertThat(near(out.getRGB(8, 16), BLUE, 40)).as(rgb(out.getRGB(8, 16))).isTrue();
  }

  @Test
  void everyOrientationPutsTheStoredTopLeftPixelWhereExifSays() {
    // 3x2 stored, pixel values 0..5; where stored (0, 0) is seen, per Exif 2.3's tag 274.
    int[] argb = {0, 1, 2, 3, 4, 5};
    String[] seen = {"0,0", "2,0", "2,1", "0,1", "0,0", "1,0", "1,2", "0,2"};
    for (int o = 1; o <= 8; o++) {
      Pixels out = Orientation.apply(new Pixels(3, 2, argb.clone(), false), o);
      int at = Arrays.stream(out.argb()).boxed().toList().indexOf(0);
      assertThat((at % out.width()) + "," + (at / out.width())).as("orientation " + o)
          .isEqualTo(seen[o - 1]);
    }
  }

  @Test
  void cmykJpegDecodesToItsColours() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "cmyk.jpg"), ImageFormat.JPEG,
        EncodeFormat.PNG, 64);

    assertThat(near(out.getRGB(8, 12), RED, 60)).as(rgb(out.getRGB(8, 12))).isTrue();
    assertThat(near(out.getRGB(56, 12), BLUE, 60)).as(rgb(out.getRGB(56, 12))).isTrue();
  }

  @Test
  void sixteenBitPngIsScaledToEightBits() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "rgb16.png"), ImageFormat.PNG,
        EncodeFormat.PNG, 40);

    assertThat(rgb(out.getRGB(5, 5))).isEqualTo("rgba(255,128,0,255)");
  }

  @Test
  void sixteenBitGreyKeepsItsValueInsteadOfTakingItForLinearLight() throws Exception {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
    short[] samples = new short[64];
    Arrays.fill(samples, (short) 32896); // 128 * 257
    grey.getRaster().setDataElements(0, 0, 8, 8, samples);
    Path body = Pictures.write(dir, "grey16.png", grey, "png");

    BufferedImage out = asIs(body, ImageFormat.PNG, EncodeFormat.PNG, 8);

    assertThat(rgb(out.getRGB(3, 3))).isEqualTo("rgba(128,128,128,255)");
  }

  @Test
  void transparentPixelsBecomeWhiteInAJpeg() throws Exception {
    BufferedImage image = Pictures.twoColours(32, 32, new Color(0, 0, 255, 255), 16, 32,
        new Color(255, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);
    Path body = Pictures.write(dir, "alpha.png", image, "png");

    BufferedImage out = asIs(body, ImageFormat.PNG, EncodeFormat.JPG, 32);

    assertThat(near(out.getRGB(4, 16), WHITE, 8)).as(rgb(out.getRGB(4, 16))).isTrue();
    assertThat(near(out.getRGB(28, 16), BLUE, 40)).as(rgb(out.getRGB(28, 16))).isTrue();
  }

  @Test
  void transparencyIsKeptInAPng() throws Exception {
    BufferedImage image = Pictures.twoColours(32, 32, new Color(0, 0, 255, 255), 16, 32,
        new Color(255, 0, 0, 0), BufferedImage.TYPE_INT_ARGB);
    Path body = Pictures.write(dir, "alpha.png", image, "png");

    BufferedImage out = asIs(body, ImageFormat.PNG, EncodeFormat.PNG, 32);

    assertThat(out.getRGB(4, 16) >>> 24).isZero();
    assertThat(rgb(out.getRGB(28, 16))).isEqualTo("rgba(0,0,255,255)");
  }

  @Test
  void animatedGifGivesItsFirstFrame() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "animated.gif"), ImageFormat.GIF,
        EncodeFormat.PNG, 30);

    assertThat(rgb(out.getRGB(15, 10))).isEqualTo("rgba(255,0,0,255)");
  }

  @Test
  void webpDecodes() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "photo.webp"), ImageFormat.WEBP,
        EncodeFormat.PNG, 64);

    assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("64x48");
    assertThat(near(out.getRGB(8, 24), RED, 40)).as(rgb(out.getRGB(8, 24))).isTrue();
    assertThat(near(out.getRGB(56, 24), BLUE, 40)).as(rgb(out.getRGB(56, 24))).isTrue();
  }

  @Test
  void losslessWebpWithAlphaIsLaidOverWhite() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "alpha.webp"), ImageFormat.WEBP,
        EncodeFormat.JPG, 40);

    assertThat(near(out.getRGB(5, 10), BLUE, 40)).as(rgb(out.getRGB(5, 10))).isTrue();
    assertThat(near(out.getRGB(35, 10), WHITE, 8)).as(rgb(out.getRGB(35, 10))).isTrue();
  }

  @Test
  void bitmapIconDecodesWithItsTransparency() throws Exception {
    BufferedImage out = asIs(Pictures.resource(dir, "icon.ico"), ImageFormat.ICO,
        EncodeFormat.PNG, 32);

    assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("32x16");
    assertThat(rgb(out.getRGB(4, 8))).isEqualTo("rgba(0,255,0,255)");
    assertThat(out.getRGB(28, 8) >>> 24).isZero();
  }

  @Test
  void pngIconDecodes() throws Exception {
    Path body = Pictures.write(dir, "png.ico", Images.ico());

    BufferedImage out = asIs(body, ImageFormat.ICO, EncodeFormat.PNG, 4);

    assertThat(out.getWidth() + "x" + out.getHeight()).isEqualTo("4x3");
  }

  @Test
  void tiffBmpAndPalettePngDecode() throws Exception {
    BufferedImage image = Pictures.twoColours(20, 10, BLUE, 10, 10, RED,
        BufferedImage.TYPE_INT_RGB);
    BufferedImage palette = Pictures.twoColours(20, 10, BLUE, 10, 10, RED,
        BufferedImage.TYPE_BYTE_INDEXED);
    Path tiff = Pictures.write(dir, "a.tif", image, "tiff");
    Path bmp = Pictures.write(dir, "a.bmp", image, "bmp");
    Path png = Pictures.write(dir, "p.png", palette, "png");

    for (BufferedImage out : new BufferedImage[] {
        asIs(tiff, ImageFormat.TIFF, EncodeFormat.PNG, 20),
        asIs(bmp, ImageFormat.BMP, EncodeFormat.PNG, 20),
        asIs(png, ImageFormat.PNG, EncodeFormat.PNG, 20)}) {
      assertThat(rgb(out.getRGB(2, 5))).isEqualTo("rgba(255,0,0,255)");
      assertThat(rgb(out.getRGB(17, 5))).isEqualTo("rgba(0,0,255,255)");
    }
  }

  @Test
  void truncatedJpegStillDecodes() throws Exception {
    byte[] whole = Pictures.encode(noise(128, 96), "jpg");
    Path body = Pictures.write(dir, "cut.jpg", Arrays.copyOf(whole, whole.length * 2 / 3));

    TransformResult result = apply(body, ImageFormat.JPEG,
        TransformSettings.builder().size(64).build());

    assertThat(result).isInstanceOf(Transformed.class);
  }

  @Test
  void undecodableBodyFailsWithOneLineAndNoClassName() throws Exception {
    byte[] whole = Pictures.encode(noise(64, 48), "jpg");
    byte[] broken = whole.clone();
    // Keep the markers up to the frame header, then garbage where the tables and scan were.
    int sof = indexOf(whole, (byte) 0xC0);
    Arrays.fill(broken, sof + 20, broken.length, (byte) 0x5A);
    Path body = Pictures.write(dir, "broken.jpg", broken);

    TransformResult result = apply(body, ImageFormat.JPEG,
        TransformSettings.builder().size(32).build());

    assertThat(result).isInstanceOf(Refused.class);
    String reason = ((Refused) result).reason();
    assertThat(reason).startsWith("cannot decode jpg: ").doesNotContain("\n")
        .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w*(Exception|Error)")
        .doesNotContain("Exception");
    assertThat(Files.exists(dir.resolve("out")) && Files.size(dir.resolve("out")) > 0)
        .isFalse();
  }

  @Test
  void svgAndAvifHaveNoDecoder() throws Exception {
    Path svg = Pictures.write(dir, "a.svg", Images.svg());
    Path avif = Pictures.write(dir, "a.avif", Images.avif());
    TransformSettings settings = TransformSettings.builder().size(64).build();

    assertThat(apply(svg, ImageFormat.SVG, settings)).isEqualTo(new Refused("cannot decode svg"));
    assertThat(apply(avif, ImageFormat.AVIF, settings))
        .isEqualTo(new Refused("cannot decode avif"));
  }

  @Test
  void modeNoKeepsTheBodyAfterTheHeaderChecks() throws Exception {
    Path svg = Pictures.write(dir, "a.svg", Images.svg());
    Path small = Pictures.write(dir, "s.png", noise(12, 40), "png");
    TransformSettings no = TransformSettings.builder().size(64).mode(ResizeMode.NO).build();

    assertThat(apply(svg, ImageFormat.SVG, no)).isInstanceOf(Kept.class);
    assertThat(apply(small, ImageFormat.PNG, TransformSettings.builder().size(64)
        .mode(ResizeMode.NO).minImageSize(64).build()))
        .isEqualTo(new Refused("too small: 12x40 (min 64)"));
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void theSavedFileIsWhatTheResultSays() throws Exception {
    Path body = Pictures.write(dir, "n.png", noise(300, 200), "png");

    Transformed result = (Transformed) apply(body, ImageFormat.PNG,
        TransformSettings.builder().size(64).build());

    byte[] saved = Files.readAllBytes(dir.resolve("out"));
    assertThat(result.sha256()).isEqualTo(dev.imgdl.core.text.Sha256.hex(
        dev.imgdl.core.text.Sha256.digest().digest(saved)));
    assertThat(result.bytes()).isEqualTo(saved.length);
    assertThat(saved[0] & 0xFF).isEqualTo(0xFF); // a JPEG, as by default
    assertThat(result).extracting(Transformed::width, Transformed::height,
        Transformed::originalWidth, Transformed::originalHeight, Transformed::format)
        .containsExactly(64, 64, 300, 200, EncodeFormat.JPG);
    BufferedImage out = Pictures.read(dir.resolve("out"));
    // border pads with white: 300x200 becomes 64x43, 10 rows of white above
    assertThat(near(out.getRGB(32, 2), WHITE, 6)).as(rgb(out.getRGB(32, 2))).isTrue();
  }

  static BufferedImage noise(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    java.util.Random random = new java.util.Random(w * 31L + h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return image;
  }

  private static int indexOf(byte[] bytes, byte marker) {
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == (byte) 0xFF && bytes[i + 1] == marker) {
        return i;
      }
    }
    throw new AssertionError("no marker");
  }
}
