package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The output sizes of img2dataset's modes, worked out by hand from its resizer.py and the
 * albumentations 1.x functions it calls (scale = N / side in doubles, sides rounded half to
 * even, pad before = int((N - side) / 2.0), crop at (side - N) // 2).
 */
class ResizePlanTest {

  @ParameterizedTest(name = "{0}x{1} {2} {3}: scaled {4}x{5}, out {6}x{7} at ({8},{9})")
  @CsvSource({
    // landscape 1024x768, N = 256: 1024 * 0.25, 768 * 0.25; 1024 / 3 = 341.33
    "1024, 768, border, 256, 256, 192, 256, 256, 0, 32",
    "1024, 768, keep_ratio, 256, 341, 256, 341, 256, 0, 0",
    "1024, 768, keep_ratio_largest, 256, 256, 192, 256, 192, 0, 0",
    "1024, 768, center_crop, 256, 341, 256, 256, 256, 42, 0",
    "1024, 768, no, 256, 1024, 768, 1024, 768, 0, 0",
    // portrait 600x900: 600 * 256 / 900 = 170.67; 900 * 256 / 600 = 384.00000000000003
    "600, 900, border, 256, 171, 256, 256, 256, 42, 0",
    "600, 900, keep_ratio, 256, 256, 384, 256, 384, 0, 0",
    "600, 900, keep_ratio_largest, 256, 171, 256, 171, 256, 0, 0",
    "600, 900, center_crop, 256, 256, 384, 256, 256, 0, 64",
    // square
    "500, 500, border, 256, 256, 256, 256, 256, 0, 0",
    "500, 500, keep_ratio, 256, 256, 256, 256, 256, 0, 0",
    "500, 500, keep_ratio_largest, 256, 256, 256, 256, 256, 0, 0",
    "500, 500, center_crop, 256, 256, 256, 256, 256, 0, 0",
    // smaller than N: enlarged (scale 2.56 and 5.12)
    "100, 50, border, 256, 256, 128, 256, 256, 0, 64",
    "100, 50, keep_ratio, 256, 512, 256, 512, 256, 0, 0",
    "100, 50, keep_ratio_largest, 256, 256, 128, 256, 128, 0, 0",
    "100, 50, center_crop, 256, 512, 256, 256, 256, 128, 0",
    // exactly N on the side that counts: scale 1, nothing resampled
    "256, 100, border, 256, 256, 100, 256, 256, 0, 78",
    "300, 256, center_crop, 256, 300, 256, 256, 256, 22, 0",
    // half way: 2.5 rounds to 2 and 3.5 to 4 (Python's round, not Java's Math.round)
    "10, 5, border, 5, 5, 2, 5, 5, 0, 1",
    "10, 7, keep_ratio_largest, 5, 5, 4, 5, 4, 0, 0",
    "5, 10, keep_ratio_largest, 5, 2, 5, 2, 5, 0, 0",
  })
  void sizesAreImg2datasets(int w, int h, String mode, int n, int scaledW, int scaledH,
      int outW, int outH, int x, int y) {
    ResizePlan plan = ResizePlan.of(w, h, settings(mode, n, false));

    assertThat(plan.scaledWidth()).as("scaled width").isEqualTo(scaledW);
    assertThat(plan.scaledHeight()).as("scaled height").isEqualTo(scaledH);
    assertThat(plan.width()).as("width").isEqualTo(outW);
    assertThat(plan.height()).as("height").isEqualTo(outH);
    assertThat(mode.equals("border") ? plan.padX() : plan.cropX()).as("x").isEqualTo(x);
    assertThat(mode.equals("border") ? plan.padY() : plan.cropY()).as("y").isEqualTo(y);
  }

  @ParameterizedTest(name = "{0}x{1} {2} only if bigger: {3}x{4}")
  @CsvSource({
    "100, 50, border, 100, 50",
    "100, 50, keep_ratio, 100, 50",
    "100, 50, keep_ratio_largest, 100, 50",
    "100, 50, center_crop, 100, 50",
    // the smaller side decides for keep_ratio and center_crop: 200 < 256 leaves it alone
    "1000, 200, keep_ratio, 1000, 200",
    "1000, 200, center_crop, 1000, 200",
    "1000, 200, border, 256, 256",
    "1000, 200, keep_ratio_largest, 256, 51",
  })
  void onlyIfBiggerLeavesSmallerImagesAlone(int w, int h, String mode, int outW, int outH) {
    ResizePlan plan = ResizePlan.of(w, h, settings(mode, 256, true));

    assertThat(plan.width() + "x" + plan.height()).isEqualTo(outW + "x" + outH);
  }

  @org.junit.jupiter.api.Test
  void aSideThatWouldRoundToNothingKeepsOnePixel() {
    ResizePlan plan = ResizePlan.of(10_000, 1, settings("keep_ratio_largest", 256, false));

    assertThat(plan.scaledWidth() + "x" + plan.scaledHeight()).isEqualTo("256x1");
  }

  private static TransformSettings settings(String mode, int n, boolean onlyIfBigger) {
    ResizeMode resizeMode = java.util.Arrays.stream(ResizeMode.values())
        .filter(m -> m.label().equals(mode)).findFirst().orElseThrow();
    return TransformSettings.builder().size(n).mode(resizeMode).onlyIfBigger(onlyIfBigger)
        .build();
  }
}
