package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {
  private static FetchSettings.Builder required() {
    return FetchSettings.builder().outputDir("/o").runId("id").timeoutMillis(1_000)
        .deadlineMillis(2_000).maxSize(3_000).retries(4).userAgent("ua");
  }

  @Test
  void theBuilderDefaultsHeadersTypesNetworkAndOptOuts() {
    FetchSettings s = required().build();

    assertThat(s.outputDir()).isEqualTo("/o");
    assertThat(s.runId()).isEqualTo("id");
    assertThat(s.timeoutMillis()).isEqualTo(1_000);
    assertThat(s.deadlineMillis()).isEqualTo(2_000);
    assertThat(s.maxSize()).isEqualTo(3_000);
    assertThat(s.retries()).isEqualTo(4);
    assertThat(s.userAgent()).isEqualTo("ua");
    assertThat(s.headers()).isEmpty();
    assertThat(s.anyType()).isFalse();
    assertThat(s.network()).isEqualTo(Network.DEFAULT);
    assertThat(s.disallowedDirectives()).isEqualTo(FetchSettings.DEFAULT_DISALLOWED);
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> FetchSettings.builder().outputDir("/o").runId("id")
        .deadlineMillis(1).maxSize(1).retries(0).userAgent("ua").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("FetchSettings.timeoutMillis was not set: it has no default");
    assertThatThrownBy(() -> required().outputDir(null).build())
        .hasMessageStartingWith("FetchSettings.outputDir was not set");
    assertThatThrownBy(() -> required().userAgent(null).build())
        .hasMessageStartingWith("FetchSettings.userAgent was not set");
  }

  @Test
  void aNullNetworkIsAnErrorNotTheDefault() {
    assertThatThrownBy(() -> required().network(null).build())
        .isInstanceOf(NullPointerException.class).hasMessage("network");
  }

  @Test
  void optOutsAreKeptInLowerCase() {
    assertThat(required().disallowedDirectives(List.of(" NoAI ")).build()
        .disallowedDirectives()).containsExactly("noai");
  }
}
