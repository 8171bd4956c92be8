// How many images a second one core decodes, resizes and encodes with core.image.transform
// (issue #22's target: at least 150 a second per core for a ~1024x768 JPEG of 100-200 KB to
// 256 border, JPEG 95). One thread, a warm-up, then a timed loop; CPU time is the thread's own.
// Run as a single source file on the built jar, no build of its own:
//   /usr/bin/convert -size 1024x768 -seed 7 plasma:fractal -quality 85 photo.jpg
//   java -cp target/imgdl.jar bench/TransformBench.java photo.jpg [MODE] [SIZE] [COUNT]
// MODE is a resize mode (border), SIZE is N (256), COUNT the measured images (1000).
// It also times each step apart (decode; decode and resize; all) to show where the time goes,
// and core.image.jpeg's JpegDecoder alone, at full size, at the scale of the resize (1/2 for
// a 1024x768 photo to 256) and at 1/4, from the file's bytes already in memory.
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.jpeg.JpegDecoder;
import dev.imgdl.core.image.jpeg.JpegMemory;
import dev.imgdl.core.image.transform.ImageTransform;
import dev.imgdl.core.image.transform.PixelBudget;
import dev.imgdl.core.image.transform.ResizeMode;
import dev.imgdl.core.image.transform.TransformSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

public class TransformBench {
  public static void main(String[] args) throws Exception {
    Path photo = Path.of(args[0]);
    ResizeMode mode = args.length > 1
        ? Arrays.stream(ResizeMode.values()).filter(m -> m.label().equals(args[1])).findFirst()
            .orElseThrow()
        : ResizeMode.BORDER;
    int size = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    int count = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    ImageTransform transform = new ImageTransform(
        TransformSettings.builder().size(size).mode(mode).build(), PixelBudget.ofHeap());
    Path out = Files.createTempFile("bench", ".jpg");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%s: %d bytes, %s %d, JPEG 95, %s%n", photo, Files.size(photo), mode, size,
        System.getProperty("java.vm.version"));
    byte[] bytes = Files.readAllBytes(photo);
    JpegMemory memory = new JpegMemory(64 << 20);
    byte[][] lent = {new byte[0]};
    java.util.function.IntFunction<byte[]> lend =
        n -> lent[0].length >= n ? lent[0] : (lent[0] = new byte[n]);
    for (int round = 0; round < 2; round++) {
      run(count / 2, () -> ImageIO.read(photo.toFile()), threads, "decode only (ImageIO.read)");
      run(count / 2, () -> JpegDecoder.decode(bytes, 1, Long.MAX_VALUE, lend, memory), threads,
          "JpegDecoder 1/1");
      run(count / 2, () -> JpegDecoder.decode(bytes, 2, Long.MAX_VALUE, lend, memory), threads,
          "JpegDecoder 1/2");
      run(count / 2, () -> JpegDecoder.decode(bytes, 4, Long.MAX_VALUE, lend, memory), threads,
          "JpegDecoder 1/4");
      run(count, () -> transform.apply(photo, ImageFormat.JPEG, out), threads,
          "decode, resize, encode");
    }
    Files.deleteIfExists(out);
  }

  interface Step {
    Object run() throws Exception;
  }

  private static void run(int count, Step step, ThreadMXBean threads, String what)
      throws Exception {
    for (int i = 0; i < Math.max(50, count / 5); i++) {
      step.run(); // warm-up: the JIT, the readers' and writers' classes
    }
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int i = 0; i < count; i++) {
      step.run();
    }
    double seconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf("%-24s %4d images: %6.1f images/s wall, %6.2f ms CPU each (%6.1f/s/core)%n",
        what, count, count / seconds, cpuSeconds * 1000 / count, count / cpuSeconds);
  }
}
