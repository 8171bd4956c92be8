package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChildJavaOptionsTest {
  private static final String DEFAULTS =
      "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx256m -XX:-UsePerfData";

  @Test
  void theDefaultsKeepChildrenOnC1UnlessTheyDecodeImages() {
    assertThat(ImgdlCommand.childJavaOptions(DEFAULTS, false, false))
        .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
    assertThat(ImgdlCommand.childJavaOptions(DEFAULTS, false, true))
        .doesNotContain("-XX:TieredStopAtLevel=1")
        .containsExactly("-XX:+UseSerialGC", "-Xms16m", "-Xmx256m", "-XX:-UsePerfData");
  }

  @Test
  void optionsTheUserGaveAreTakenAsTheyAreAndBlankMeansNone() {
    assertThat(ImgdlCommand.childJavaOptions(" -XX:TieredStopAtLevel=1  -Xmx1g ", true, true))
        .containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
    assertThat(ImgdlCommand.childJavaOptions("  ", false, true)).isEmpty();
  }
}
