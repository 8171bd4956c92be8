package dev.imgdl.core.image.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JPEGs as the JDK's writer makes them (baseline or progressive, 4:4:4, 4:2:2 or 4:2:0, any
 * quality, restart intervals, grey), and the oracle: the same file decoded as imgdl decoded
 * every JPEG before {@link JpegDecoder}, through ImageIO's first reader (TwelveMonkeys').
 */
public final class JpegFiles {
  private JpegFiles() {}

  /** Luma sampling factors: 4:4:4, 4:2:2, 4:2:0. */
  public enum Sampling {
    S444(1, 1), S422(2, 1), S420(2, 2);

    final int h;
    final int v;

    Sampling(int h, int v) {
      this.h = h;
      this.v = v;
    }
  }

  /** A w × h picture with a photo's detail: gradients under noise, the same for a seed. */
  public static BufferedImage photo(int w, int h, int type, long seed) {
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

  /** A w × h picture without noise: smooth shapes, as a resized photo's content mostly is. */
  public static BufferedImage smooth(int w, int h, long seed) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    double a = 2 + random.nextDouble() * 6;
    double b = 2 + random.nextDouble() * 6;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = x / (double) w;
        double v = y / (double) h;
        int r = clamp((int) (128 + 100 * Math.sin(a * u + 3 * v)));
        int g = clamp((int) (128 + 100 * Math.cos(b * v - 2 * u)));
        int bl = clamp((int) (128 + 90 * Math.sin(a * u * v * 3)));
        image.setRGB(x, y, 0xFF00_0000 | r << 16 | g << 8 | bl);
      }
    }
    return image;
  }

  /**
   * A w × h picture closer to a photo than either of the above: smooth shading, a few hard
   * edges (rectangles and a disc) and a little sensor noise (±8).
   */
  public static BufferedImage photoLike(int w, int h, long seed) {
    BufferedImage image = smooth(w, h, seed);
    java.awt.Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    for (int i = 0; i < 6; i++) {
      g.setColor(new java.awt.Color(random.nextInt(0x100_0000)));
      g.fillRect(random.nextInt(w), random.nextInt(h), 1 + random.nextInt(w / 3 + 1),
          1 + random.nextInt(h / 3 + 1));
    }
    g.setColor(java.awt.Color.WHITE);
    g.fillOval(w / 3, h / 3, w / 4 + 1, w / 4 + 1);
    g.dispose();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        int n = random.nextInt(17) - 8;
        int r = clamp((rgb >> 16 & 0xFF) + n);
        int gr = clamp((rgb >> 8 & 0xFF) + n);
        int b = clamp((rgb & 0xFF) + n);
        image.setRGB(x, y, 0xFF00_0000 | r << 16 | gr << 8 | b);
      }
    }
    return image;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  public static byte[] encode(BufferedImage image, boolean progressive, Sampling sampling,
      int restartInterval, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      IIOMetadata metadata = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(image), param);
      String format = "javax_imageio_jpeg_image_1.0";
      Element tree = (Element) metadata.getAsTree(format);
      Element markers = (Element) tree.getElementsByTagName("markerSequence").item(0);
      NodeList components = tree.getElementsByTagName("componentSpec");
      for (int i = 0; i < components.getLength(); i++) {
        Element c = (Element) components.item(i);
        c.setAttribute("HsamplingFactor", Integer.toString(i == 0 ? sampling.h : 1));
        c.setAttribute("VsamplingFactor", Integer.toString(i == 0 ? sampling.v : 1));
      }
      if (restartInterval > 0) {
        Element dri = new IIOMetadataNode("dri");
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

  /** R, G, B bytes of the file as ImageIO's first JPEG reader decodes it (grey repeated). */
  static byte[] imageIo(byte[] jpeg) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      reader.setInput(in);
      BufferedImage image = reader.read(0);
      return samples(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reader.dispose();
    }
  }

  static byte[] samples(BufferedImage image) {
    Raster raster = image.getRaster();
    int w = image.getWidth();
    int h = image.getHeight();
    int bands = raster.getNumBands();
    int[] px = raster.getPixels(0, 0, w, h, (int[]) null);
    byte[] rgb = new byte[3 * w * h];
    for (int i = 0; i < w * h; i++) {
      for (int b = 0; b < 3; b++) {
        rgb[3 * i + b] = (byte) px[i * bands + (bands == 1 ? 0 : b)];
      }
    }
    return rgb;
  }

  /** The JPEG with an Exif APP1 segment after its SOI holding an orientation. */
  public static byte[] withExif(byte[] jpeg, int orientation) {
    java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(8 + 2 + 12 + 4);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation)
        .putShort((short) 0);
    tiff.putInt(0);
    byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int length = 2 + exif.length + tiff.capacity();
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exif)
        .put(tiff.array()).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** A CMYK JPEG as the JDK's writer makes one from a four-band raster (Adobe APP14). */
  public static byte[] cmyk() {
    java.awt.image.WritableRaster raster = Raster.createInterleavedRaster(
        java.awt.image.DataBuffer.TYPE_BYTE, 40, 30, 4, null);
    Random random = new Random(1);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        for (int b = 0; b < 4; b++) {
          raster.setSample(x, y, b, random.nextInt(256));
        }
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), null);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  /** The JPEG with an APP2 segment after its SOI holding a (small) ICC profile: linear RGB. */
  public static byte[] withLinearRgbProfile(byte[] jpeg) {
    byte[] profile = java.awt.color.ICC_Profile.getInstance(
        java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
    byte[] name = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] body = new byte[name.length + 2 + profile.length];
    System.arraycopy(name, 0, body, 0, name.length);
    body[name.length] = 1;
    body[name.length + 1] = 1;
    System.arraycopy(profile, 0, body, name.length + 2, profile.length);
    return withSegment(jpeg, 0xE2, body);
  }

  /** The JPEG with an Adobe APP14 segment after its SOI stating {@code transform}. */
  public static byte[] withAdobeTransform(byte[] jpeg, int transform) {
    byte[] body = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    return withSegment(jpeg, 0xEE, body);
  }

  private static byte[] withSegment(byte[] jpeg, int marker, byte[] body) {
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(jpeg.length + 4 + body.length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) marker).putShort((short) (2 + body.length))
        .put(body).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /**
   * The progressive JPEG with copies of its DC refinement scan (Ss 0, Se 0, Ah 1: one raw bit a
   * block, no Huffman code, so every copy decodes) added before its EOI until it has
   * {@code scans} scans: a file whose scans cost every decoder a pass over the blocks.
   */
  public static byte[] withScans(byte[] progressive, int scans) {
    int[] refinement = dcRefinementScan(progressive);
    int existing = countSos(progressive);
    int length = refinement[1] - refinement[0];
    int eoi = progressive.length - 2;
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(
        progressive.length + (scans - existing) * length);
    out.put(progressive, 0, eoi);
    for (int i = existing; i < scans; i++) {
      out.put(progressive, refinement[0], length);
    }
    return out.put(progressive, eoi, 2).array();
  }

  /** Where the DC refinement scan starts (its SOS) and ends (the next marker, not RSTn). */
  private static int[] dcRefinementScan(byte[] jpeg) {
    for (int at = 0; at + 1 < jpeg.length; at++) {
      if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA) {
        int count = jpeg[at + 4] & 0xFF;
        int spectrum = at + 5 + 2 * count;
        if (jpeg[spectrum] == 0 && jpeg[spectrum + 1] == 0 && (jpeg[spectrum + 2] & 0xF0) != 0) {
          int end = at + 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
          while (!((jpeg[end] & 0xFF) == 0xFF && jpeg[end + 1] != 0
              && (jpeg[end + 1] & 0xF8) != 0xD0)) { // stuffing and restarts are the data's
            end++;
          }
          return new int[] {at, end};
        }
      }
    }
    throw new IllegalArgumentException("no DC refinement scan");
  }

  /** The SOS markers of a file made by the JDK's writer (its tables hold no FF DA). */
  private static int countSos(byte[] jpeg) {
    int count = 0;
    for (int at = 0; at + 1 < jpeg.length; at++) {
      if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA) {
        count++;
      }
    }
    return count;
  }

  /** Where the marker {@code FF code} first is. */
  static int find(byte[] jpeg, int code) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == code) {
        return i;
      }
    }
    throw new IllegalArgumentException("no marker " + Integer.toHexString(code));
  }

  private static int frameHeader(byte[] jpeg) {
    for (int i = 0; i + 1 < jpeg.length; i++) {
      int code = jpeg[i + 1] & 0xFF;
      if ((jpeg[i] & 0xFF) == 0xFF && (code == 0xC0 || code == 0xC1 || code == 0xC2)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no frame header");
  }

  /** The JPEG with its SOF marker's code replaced (SOF9: arithmetic, SOF3: lossless). */
  public static byte[] withFrameMarker(byte[] jpeg, int code) {
    byte[] out = jpeg.clone();
    out[frameHeader(out) + 1] = (byte) code;
    return out;
  }

  public static byte[] withPrecision(byte[] jpeg, int bits) {
    byte[] out = jpeg.clone();
    out[frameHeader(out) + 4] = (byte) bits;
    return out;
  }

  /** The JPEG whose frame header claims {@code w × h}. */
  public static byte[] withSize(byte[] jpeg, int w, int h) {
    byte[] out = jpeg.clone();
    int at = frameHeader(out);
    out[at + 5] = (byte) (h >> 8);
    out[at + 6] = (byte) h;
    out[at + 7] = (byte) (w >> 8);
    out[at + 8] = (byte) w;
    return out;
  }

  /** The JPEG whose first Huffman table has three codes of length 1. */
  public static byte[] withBadHuffman(byte[] jpeg) {
    byte[] out = jpeg.clone();
    out[find(out, 0xC4) + 5] = 3;
    return out;
  }

  /** Where the entropy-coded data of the first scan starts. */
  public static int firstScanData(byte[] jpeg) {
    int sos = find(jpeg, 0xDA);
    return sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | jpeg[sos + 3] & 0xFF);
  }

  /** The image decoded by {@link JpegDecoder}, its pixels cut to their length. */
  static JpegImage decode(byte[] jpeg, int denominator) throws JpegException {
    return JpegDecoder.decode(jpeg, denominator, Long.MAX_VALUE, byte[]::new,
        new JpegMemory(1 << 26));
  }
}
