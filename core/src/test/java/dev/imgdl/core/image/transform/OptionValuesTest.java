package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The values the options of images shaped for training take: img2dataset's words. */
class OptionValuesTest {

  @Test
  void resizeModesAreImg2datasetsWordsInAnyCase() {
    assertThat(new ResizeMode.Labels())
        .containsExactly("border", "keep_ratio", "keep_ratio_largest", "center_crop", "no");
    assertThat(ResizeMode.parse(" Center_Crop ")).isEqualTo(ResizeMode.CENTER_CROP);
    assertThatThrownBy(() -> ResizeMode.parse("fixed")).hasMessage("--resize-mode must be "
        + "border, keep_ratio, keep_ratio_largest, center_crop or no, not 'fixed'");
  }

  @Test
  void encodeFormatsAreJpgAndPng() {
    assertThat(new EncodeFormat.Labels()).containsExactly("jpg", "png");
    assertThat(EncodeFormat.parse("PNG")).isEqualTo(EncodeFormat.PNG);
    assertThatThrownBy(() -> EncodeFormat.parse("webp"))
        .hasMessage("--encode-format must be jpg or png, not 'webp'");
  }

  @Test
  void settingsOutOfRangeNameTheirField() {
    assertThatThrownBy(() -> TransformSettings.builder().size(256).quality(101).build())
        .hasMessage("TransformSettings.quality out of range: 101");
    assertThatThrownBy(() -> TransformSettings.builder().build())
        .hasMessageContaining("TransformSettings.size was not set");
  }
}
