package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.image.Dimensions;
import org.junit.jupiter.api.Test;

/** The header checks' one-line reasons, and their bounds compared as img2dataset does. */
class SizeFilterTest {
  private static final TransformSettings FILTERS = TransformSettings.builder().size(256)
      .minImageSize(64).maxImageArea(40_000_000).maxAspectRatio(3).build();

  private static String reason(int w, int h, TransformSettings settings) {
    return SizeFilter.reason(new Dimensions(w, h), settings);
  }

  @Test
  void theSmallerSideBelowTheMinimumIsTooSmall() {
    assertThat(reason(12, 40, FILTERS)).isEqualTo("too small: 12x40 (min 64)");
    assertThat(reason(64, 64, FILTERS)).isNull();
  }

  @Test
  void anAreaAboveTheMaximumIsTooLarge() {
    assertThat(reason(9000, 9000, FILTERS)).isEqualTo("too large: 9000x9000 (max area 40000000)");
    assertThat(reason(8000, 5000, FILTERS)).isNull();
  }

  @Test
  void anAspectRatioAboveTheMaximumIsRefusedEitherWayRound() {
    assertThat(reason(1300, 250, FILTERS)).isEqualTo("aspect ratio 5.2: 1300x250 (max 3)");
    assertThat(reason(250, 1300, FILTERS)).isEqualTo("aspect ratio 5.2: 250x1300 (max 3)");
    assertThat(reason(300, 100, FILTERS)).isNull();
  }

  @Test
  void aRatioJustAboveTheMaximumIsNotShownAsTheMaximum() {
    assertThat(reason(3001, 1000, FILTERS)).isEqualTo("aspect ratio 3.001: 3001x1000 (max 3)");
  }

  @Test
  void moreThanTheDecodeLimitIsRefusedWithItsSize() {
    TransformSettings settings = TransformSettings.builder().size(256).build();

    assertThat(reason(40_000, 40_000, settings))
        .isEqualTo("too many pixels to decode: 40000x40000 (max 89478485)");
    assertThat(reason(9459, 9459, settings)).isNull(); // 89,472,681 pixels
  }
}
