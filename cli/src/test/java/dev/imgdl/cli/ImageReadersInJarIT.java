package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TwelveMonkeys' ImageIO readers register through {@code META-INF/services}: the shaded
 * target/imgdl.jar must keep their service entries (merged with the JDK's by the shade plugin's
 * ServicesResourceTransformer), or a CMYK JPEG and a WebP would not decode from the jar while
 * every in-process test still passes. A JVM with only the jar on its class path decodes both.
 */
class ImageReadersInJarIT {
  @TempDir Path dir;

  @Test
  void theJarsServiceFileNamesTheWebpAndJpegReaders() throws IOException {
    try (ZipFile jar = new ZipFile(System.getProperty("imgdl.jar"))) {
      String services = new String(jar.getInputStream(
          jar.getEntry("META-INF/services/javax.imageio.spi.ImageReaderSpi")).readAllBytes(),
          StandardCharsets.UTF_8);

      assertThat(services).contains("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
          "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi");
    }
  }

  @Test
  void aJvmWithOnlyTheJarDecodesCmykJpegAndWebp() throws Exception {
    Path cmyk = fixture("cmyk.jpg");
    Path webp = fixture("photo.webp");
    Path probe = Files.writeString(dir.resolve("Probe.java"), """
        import dev.imgdl.core.image.ImageFormat;
        import dev.imgdl.core.image.transform.*;
        import java.nio.file.Path;
        public class Probe {
          public static void main(String[] args) throws Exception {
            System.out.println(javax.imageio.ImageIO.getImageReadersByFormatName("jpeg").next()
                .getClass().getName());
            ImageTransform transform = new ImageTransform(
                TransformSettings.builder().size(32).build(), PixelBudget.ofHeap());
            System.out.println(transform.apply(Path.of(args[0]), ImageFormat.JPEG,
                Path.of(args[2])));
            System.out.println(transform.apply(Path.of(args[1]), ImageFormat.WEBP,
                Path.of(args[2])));
          }
        }
        """);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("imgdl.jar"), probe.toString(), cmyk.toString(),
        webp.toString(), dir.resolve("out.jpg").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).startsWith("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReader\n")
        .contains("Transformed[width=32, height=32, format=jpg, originalWidth=64, "
            + "originalHeight=24")
        .contains("Transformed[width=32, height=32, format=jpg, originalWidth=64, "
            + "originalHeight=48");
    assertThat(p.exitValue()).as(out).isZero();
  }

  private Path fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/transform/" + name)) {
      return Files.write(dir.resolve(name), in.readAllBytes());
    }
  }
}
