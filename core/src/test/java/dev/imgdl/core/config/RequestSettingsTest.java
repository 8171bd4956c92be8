package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSettingsTest {
  static RequestSettings.Builder required() {
    return RequestSettings.builder().timeoutMillis(1_000).deadlineMillis(2_000).maxSize(3_000)
        .retries(4).userAgent("ua");
  }

  @Test
  void theBuilderDefaultsHeadersTypesNetworkAndOptOuts() {
    RequestSettings s = required().build();

    assertThat(s.timeoutMillis()).isEqualTo(1_000);
    assertThat(s.deadlineMillis()).isEqualTo(2_000);
    assertThat(s.maxSize()).isEqualTo(3_000);
    assertThat(s.retries()).isEqualTo(4);
    assertThat(s.userAgent()).isEqualTo("ua");
    assertThat(s.headers()).isEmpty();
    assertThat(s.anyType()).isFalse();
    assertThat(s.network()).isEqualTo(Network.DEFAULT);
    assertThat(s.disallowedDirectives()).isEqualTo(RequestSettings.DEFAULT_DISALLOWED);
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> RequestSettings.builder()
        .deadlineMillis(1).maxSize(1).retries(0).userAgent("ua").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RequestSettings.timeoutMillis was not set: it has no default");
    assertThatThrownBy(() -> required().userAgent(null).build())
        .hasMessageStartingWith("RequestSettings.userAgent was not set");
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
