// Whether core.image.jpeg's JpegDecoder at scale 1 gives ImageIO's bytes (the JDK's libjpeg
// through TwelveMonkeys' reader, as imgdl decoded every JPEG before it) for every JPEG in a
// folder. Run as a single source file on the built jar:
//   java -cp target/imgdl.jar bench/JpegExactness.java DIR
import dev.imgdl.core.image.jpeg.JpegDecoder;
import dev.imgdl.core.image.jpeg.JpegException;
import dev.imgdl.core.image.jpeg.JpegImage;
import dev.imgdl.core.image.jpeg.JpegMemory;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.File;
import java.nio.file.Files;
import java.util.Arrays;
import javax.imageio.ImageIO;

public class JpegExactness {
  public static void main(String[] args) throws Exception {
    File[] files = new File(args[0]).listFiles((d, n) -> n.toLowerCase().endsWith(".jpg"));
    Arrays.sort(files);
    int same = 0;
    int differ = 0;
    int notMine = 0;
    int failed = 0;
    JpegMemory memory = new JpegMemory(64 << 20);
    for (File file : files) {
      BufferedImage image = ImageIO.read(file);
      Raster raster = image.getRaster();
      int bands = raster.getNumBands();
      int[] px = raster.getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
      JpegImage ours;
      try {
        ours = JpegDecoder.decode(Files.readAllBytes(file.toPath()), 1, Long.MAX_VALUE,
            byte[]::new, memory);
      } catch (JpegException e) {
        System.out.println(file.getName() + ": " + e.getMessage());
        failed++;
        continue;
      }
      if (ours == null) {
        System.out.println(file.getName() + ": not mine");
        notMine++;
        continue;
      }
      boolean equal = ours.width() == image.getWidth() && ours.height() == image.getHeight();
      for (int i = 0; equal && i < ours.width() * ours.height(); i++) {
        for (int b = 0; b < 3; b++) {
          equal &= (ours.rgb()[3 * i + b] & 0xFF) == px[i * bands + (bands == 1 ? 0 : b)];
        }
      }
      if (equal) {
        same++;
      } else {
        System.out.println(file.getName() + ": differs");
        differ++;
      }
    }
    System.out.printf("%d files: %d byte for byte, %d differ, %d not mine, %d its exception%n",
        files.length, same, differ, notMine, failed);
  }
}
