package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.transform.TransformResult.Refused;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PNG whose header says 40000×40000 is refused from its header, holding no pixel. */
class DecompressionBombTest {
  @TempDir Path dir;

  @Test
  void aHugeHeaderIsRefusedWithoutDecodingOrTakingTheBudget() throws Exception {
    Path bomb = Pictures.write(dir, "bomb.png", pngHeader(40_000, 40_000));
    PixelBudget budget = new PixelBudget(1_000);
    ImageTransform transform =
        new ImageTransform(TransformSettings.builder().size(256).build(), budget);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    transform.apply(bomb, ImageFormat.PNG, dir.resolve("warm")); // classes loaded once
    long before = threads.getCurrentThreadAllocatedBytes();

    TransformResult result = transform.apply(bomb, ImageFormat.PNG, dir.resolve("out"));

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(result)
        .isEqualTo(new Refused("too many pixels to decode: 40000x40000 (max 89478485)"));
    // 1.6 billion pixels would be gigabytes; reading the header is a few kilobytes.
    assertThat(allocated).isLessThan(1 << 20);
    assertThat(budget.available()).isEqualTo(budget.capacity());
  }

  @Test
  void anOutputBeyondTheLimitIsRefusedBeforeDecoding() throws Exception {
    // 20000x2 is 40,000 pixels; keep_ratio brings its 2 to 4096, its 20000 to 40,960,000.
    Path wide = Pictures.write(dir, "wide.png", pngHeader(20_000, 2));
    ImageTransform transform = new ImageTransform(TransformSettings.builder().size(4096)
        .mode(ResizeMode.KEEP_RATIO).maxDecodePixels(10_000_000).build(), new PixelBudget(10));

    assertThat(transform.apply(wide, ImageFormat.PNG, dir.resolve("out")))
        .isEqualTo(new Refused("too many pixels to encode: 40960000x4096 (max 10000000)"));
  }

  @Test
  void anImageLargerThanItsHeaderSaysIsRefusedByTheDecoder() throws Exception {
    // A GIF's logical screen (what the header check reads) says 10x10; its frame is 100x100.
    byte[] gif = Pictures.encode(ImageTransformTest.noise(100, 100), "gif");
    gif[6] = 10;
    gif[7] = 0;
    gif[8] = 10;
    gif[9] = 0;
    Path liar = Pictures.write(dir, "liar.gif", gif);
    PixelBudget budget = new PixelBudget(1_000_000);
    ImageTransform transform =
        new ImageTransform(TransformSettings.builder().size(32).build(), budget);

    assertThat(transform.apply(liar, ImageFormat.GIF, dir.resolve("out")))
        .isEqualTo(new Refused("cannot decode gif: 100x100, larger than its header says"));
    assertThat(budget.available()).isEqualTo(budget.capacity());
  }

  /** The signature, an IHDR chunk (8-bit RGB) with a right CRC, and an empty IEND. */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width)
        .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).putInt(13)
        .put(ihdr.array()).putInt((int) crc.getValue());
    png.putInt(0).put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(0xAE426082);
    return png.array();
  }
}
