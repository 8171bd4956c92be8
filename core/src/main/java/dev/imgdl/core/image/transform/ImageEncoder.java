package dev.imgdl.core.image.transform;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes {@link Pixels} with the JDK's writers: JPEG baseline (libjpeg's integer DCT, 4:2:0,
 * a JFIF header and no thumbnail) at the given quality, or PNG (RGBA when the pixels have alpha).
 * Both are deterministic: the same pixels and quality give the same bytes on every run.
 */
final class ImageEncoder {
  private static final String JDK = "com.sun.imageio.";

  private ImageEncoder() {}

  static void encode(Pixels pixels, EncodeFormat format, int quality, OutputStream out)
      throws IOException {
    ImageWriter writer = writer(format);
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == EncodeFormat.JPG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
      }
      writer.write(null, new IIOImage(image(pixels), null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** The JDK's writer: TwelveMonkeys' JPEG writer only wraps it. */
  private static ImageWriter writer(EncodeFormat format) {
    String name = format == EncodeFormat.JPG ? "jpeg" : "png";
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(name);
    ImageWriter first = null;
    while (writers.hasNext()) {
      ImageWriter writer = writers.next();
      if (writer.getClass().getName().startsWith(JDK)) {
        return writer;
      }
      if (first == null) {
        first = writer;
      }
    }
    if (first == null) {
      throw new IllegalStateException("the JVM has no " + name + " writer");
    }
    return first;
  }

  /**
   * The pixels as the writers take them fastest: bytes B, G, R (the JPEG writer hands them to
   * libjpeg as they are), or ints over the same array when alpha is kept.
   */
  private static BufferedImage image(Pixels p) {
    if (!p.alpha()) {
      BufferedImage bgr = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_3BYTE_BGR);
      byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
      int[] argb = p.argb();
      for (int i = 0, b = 0; i < argb.length; i++, b += 3) {
        bytes[b] = (byte) argb[i];
        bytes[b + 1] = (byte) (argb[i] >> 8);
        bytes[b + 2] = (byte) (argb[i] >> 16);
      }
      return bgr;
    }
    DirectColorModel model = new DirectColorModel(32, 0xFF_0000, 0xFF00, 0xFF, 0xFF00_0000);
    int[] masks = model.getMasks();
    SinglePixelPackedSampleModel sample = new SinglePixelPackedSampleModel(
        java.awt.image.DataBuffer.TYPE_INT, p.width(), p.height(), masks);
    WritableRaster raster = Raster.createWritableRaster(sample, new DataBufferInt(p.argb(),
        p.argb().length), null);
    return new BufferedImage(model, raster, false, null);
  }
}
