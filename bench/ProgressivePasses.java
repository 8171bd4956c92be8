// Whether ImageIO can decode a progressive JPEG in one output pass with the pixels of its
// all-passes decode (issue #22, docs/benchmarks.md "Why the per-core target is missed"): for
// each file, the scans (SOS markers), then ImageReadParam.setSourceProgressivePasses(k, 1) for
// k = 0 (the first scan), the last scan and 1,000,000 against the default decode (every pass),
// and the JDK's other JPEG decoder (AWT's, behind Toolkit.createImage: it reads the whole file,
// then outputs once). Each line: how many samples differ, the mean and largest difference,
// and the process's CPU ms of one decode (AWT decodes on its own threads). On the built jar:
//   java -Djava.awt.headless=true -cp target/imgdl.jar bench/ProgressivePasses.java FILE...
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.awt.image.PixelGrabber;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

public class ProgressivePasses {
  interface Decode {
    int[] run(byte[] jpeg) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    for (String name : args) {
      byte[] jpeg = Files.readAllBytes(Path.of(name));
      int scans = 0;
      for (int i = 0; i + 1 < jpeg.length; i++) {
        scans += (jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA ? 1 : 0;
      }
      int[] all = pixels(read(jpeg, -1));
      System.out.printf("%s: %d scans, all passes %.1f ms%n", name, scans,
          cpuMs(j -> pixels(read(j, -1)), jpeg));
      for (int k : new int[] {0, scans - 1, 1_000_000}) {
        report("passes (" + k + ", 1)", all, j -> pixels(read(j, k)), jpeg);
      }
      report("AWT's decoder", all, ProgressivePasses::awt, jpeg);
    }
    System.exit(0); // AWT's Image Fetcher threads
  }

  private static void report(String what, int[] all, Decode decode, byte[] jpeg)
      throws Exception {
    int[] one = decode.run(jpeg);
    long sum = 0;
    int max = 0;
    int differing = 0;
    for (int i = 0; i < all.length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        int d = Math.abs((all[i] >> shift & 0xFF) - (one[i] >> shift & 0xFF));
        sum += d;
        max = Math.max(max, d);
        differing += d == 0 ? 0 : 1;
      }
    }
    System.out.printf("  %-22s %s, %.1f ms%n", what, differing == 0 ? "identical"
        : String.format("%d samples differ, mean %.2f, max %d", differing,
            sum / (3.0 * all.length), max), cpuMs(decode, jpeg));
  }

  private static double cpuMs(Decode decode, byte[] jpeg) throws Exception {
    for (int i = 0; i < 20; i++) {
      decode.run(jpeg);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    for (int i = 0; i < 50; i++) {
      decode.run(jpeg);
    }
    return (os.getProcessCpuTime() - cpu) / 50e6;
  }

  private static BufferedImage read(byte[] jpeg, int firstPass) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(in, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      if (firstPass >= 0) {
        param.setSourceProgressivePasses(firstPass, 1);
      }
      return reader.read(0, param);
    } finally {
      reader.dispose();
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  /** AWT's decoder, on its Image Fetcher threads. */
  private static int[] awt(byte[] jpeg) throws Exception {
    PixelGrabber grabber = new PixelGrabber(Toolkit.getDefaultToolkit().createImage(jpeg), 0, 0,
        -1, -1, true);
    if (!grabber.grabPixels()) {
      throw new IllegalStateException("AWT's decoder failed: status " + grabber.getStatus());
    }
    return (int[]) grabber.getPixels();
  }
}
