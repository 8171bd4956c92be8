package dev.imgdl.core.image.transform;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JPEGs as the JDK's writer makes them, in the variants a decoder takes different paths for:
 * baseline or progressive, 4:2:0 or 4:4:4, restart intervals, grey, an ICC profile, truncated.
 * The picture is a photo's worth of detail: smooth gradients under noise, so that every DCT
 * coefficient and every progressive scan carries something.
 */
final class Jpegs {
  private Jpegs() {}

  /** A w × h picture, the same for the same seed. */
  static BufferedImage photo(int w, int h, int type, long seed) {
    BufferedImage image = new BufferedImage(w, h, type);
    Random noise = new Random(seed);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = clamp(x * 255 / w + noise.nextInt(61) - 30);
        int g = clamp(y * 255 / h + noise.nextInt(61) - 30);
        int b = clamp((x + y) * 255 / (w + h) + noise.nextInt(61) - 30);
        image.setRGB(x, y, 0xFF00_0000 | r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /**
   * {@code image} as a JPEG of quality 0.9.
   *
   * @param progressive the JDK writer's progressive script (10 scans for colour)
   * @param fullChroma 4:4:4 instead of the writer's 4:2:0
   * @param restartInterval MCUs between restart markers, 0 for none
   */
  static byte[] encode(BufferedImage image, boolean progressive, boolean fullChroma,
      int restartInterval) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      String format = "javax_imageio_jpeg_image_1.0";
      Element tree = (Element) metadata.getAsTree(format);
      Element markers = (Element) tree.getElementsByTagName("markerSequence").item(0);
      if (fullChroma) {
        NodeList components = tree.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
          ((Element) components.item(i)).setAttribute("HsamplingFactor", "1");
          ((Element) components.item(i)).setAttribute("VsamplingFactor", "1");
        }
      }
      if (restartInterval > 0) {
        Element dri = new javax.imageio.metadata.IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(restartInterval));
        markers.insertBefore(dri, markers.getFirstChild());
      }
      metadata.setFromTree(format, tree);
      writer.write(null, new IIOImage(image, null, metadata), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /** The JPEG with an APP2 segment after its SOI holding a (small) ICC profile: linear RGB. */
  static byte[] withLinearRgbProfile(byte[] jpeg) {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + name.length + 2 + profile.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(name)
        .put((byte) 1).put((byte) 1).put(profile).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** The first {@code fraction} of the file, as a broken download leaves it. */
  static byte[] truncated(byte[] jpeg, double fraction) {
    return Arrays.copyOf(jpeg, (int) (jpeg.length * fraction));
  }
}
