package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FetchSettingsTest {
  private static FetchSettings.Builder required() {
    return FetchSettings.builder().outputDir("/o").runId("id")
        .request(RequestSettingsTest.required().build());
  }

  @Test
  void theBuilderKeepsWhereToTheRunIdAndTheRequestValues() {
    FetchSettings s = required().build();

    assertThat(s.outputDir()).isEqualTo("/o");
    assertThat(s.runId()).isEqualTo("id");
    assertThat(s.request()).isEqualTo(RequestSettingsTest.required().build());
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> required().outputDir(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("FetchSettings.outputDir was not set");
    assertThatThrownBy(() -> required().request(null).build())
        .hasMessageStartingWith("FetchSettings.request was not set");
  }
}
