package dev.imgdl.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scans counted by stepping over segments and entropy-coded data, never by a byte search. */
class JpegScansTest {
  private static final BufferedImage PICTURE =
      JpegFiles.photo(96, 64, BufferedImage.TYPE_INT_RGB, 2);

  @Test
  void aBaselineJpegHasOneScanWithOrWithoutRestartMarkers() {
    assertThat(JpegScans.count(JpegFiles.encode(PICTURE, false, Sampling.S420, 0, 0.9f)))
        .isEqualTo(1);
    assertThat(JpegScans.count(JpegFiles.encode(PICTURE, false, Sampling.S420, 1, 0.9f)))
        .isEqualTo(1);
  }

  @Test
  void theJdksProgressiveJpegHasTenScansAndAddedOnesCount() {
    byte[] progressive = JpegFiles.encode(PICTURE, true, Sampling.S420, 2, 0.9f);

    assertThat(JpegScans.count(progressive)).isEqualTo(10);
    assertThat(JpegScans.count(JpegFiles.withScans(progressive, 5000))).isEqualTo(5000);
  }

  @Test
  void stuffingRestartsFillAndMarkerBytesInsideASegmentAreNoScans() {
    byte[] jpeg = bytes(
        0xFF, 0xD8,
        0xFF, 0xFE, 0x00, 0x06, 0xFF, 0xDA, 0xFF, 0xDA, // a comment holding FF DA twice
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x12, 0xFF, 0x00, 0xDA, 0xFF, 0xD0, 0xFF, 0x00, 0x34, 0xFF, 0xD7, 0x56,
        0xFF, 0xFF, 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0xFF, 0x00, 0xFF, 0xD3, 0x00,
        0xFF, 0xD9,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00); // after EOI

    assertThat(JpegScans.count(jpeg)).isEqualTo(2);
  }

  @Test
  void aCutOrCorruptFileCountsTheScansBeforeTheDamage() {
    byte[] progressive = JpegFiles.encode(PICTURE, true, Sampling.S420, 0, 0.9f);
    int third = nthSos(progressive, 3);
    byte[] badLength = progressive.clone();
    badLength[third + 2] = (byte) 0xFF; // the third scan's header runs past the end

    assertThat(JpegScans.count(Arrays.copyOf(progressive, third + 3))).isEqualTo(2);
    assertThat(JpegScans.count(badLength)).isEqualTo(2);
    assertThat(JpegScans.count(new byte[] {1, 2, 3, 4, 5})).isZero();
  }

  private static int nthSos(byte[] jpeg, int n) {
    for (int at = 0; at + 1 < jpeg.length; at++) {
      if ((jpeg[at] & 0xFF) == 0xFF && (jpeg[at + 1] & 0xFF) == 0xDA && --n == 0) {
        return at;
      }
    }
    throw new IllegalArgumentException("fewer scans");
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
