package dev.imgdl.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.input.InputOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static FetchSettings fetch() {
    return FetchSettings.builder().outputDir("/o").runId("id")
        .request(RequestSettings.builder().timeoutMillis(1).deadlineMillis(1).maxSize(1)
            .retries(0).userAgent("ua").build())
        .build();
  }

  private static Settings settings(int workers, int perHost, double rate) {
    return Settings.builder()
        .inputs(List.of("-"))
        .workers(workers)
        .fetch(fetch())
        .perHost(perHost)
        .rate(rate)
        .build();
  }

  @Test
  void aPerHostCapOfAtLeastTheWorkerCountCannotBindAndIsDropped() {
    assertThat(settings(16, 16, 0).effectivePerHost()).isZero();
    assertThat(settings(16, 16, 0).politenessLimited()).isFalse();
    assertThat(settings(16, 4, 0).effectivePerHost()).isEqualTo(4);
    assertThat(settings(16, 0, 0).politenessLimited()).isFalse();
    assertThat(settings(2, 16, 0.5).politenessLimited()).isTrue();
  }

  @Test
  void settingsAreImmutable() {
    Settings s = settings(1, 0, 0);
    assertThat(s.inputs()).isUnmodifiable();
    assertThat(s.fetch().request().headers()).isUnmodifiable();
    assertThat(s.reportToStdout()).isFalse();
  }

  @Test
  void theBuilderDefaultsEveryFieldButTheInputsWorkersAndFetchSettings() {
    Settings s = Settings.builder().inputs(List.of("a.txt")).workers(4).fetch(fetch()).build();

    assertThat(s.mode()).isEqualTo(Mode.THREAD);
    assertThat(s.processes()).isEqualTo(1);
    assertThat(s.perHost()).isZero();
    assertThat(s.rate()).isZero();
    assertThat(s.overwrite()).isFalse();
    assertThat(s.report()).isNull();
    assertThat(s.failed()).isNull();
    assertThat(s.minSuccess()).isEqualTo(1);
    assertThat(s.quiet()).isFalse();
    assertThat(s.verbosity()).isZero();
    assertThat(s.progress()).isFalse();
    assertThat(s.childJvmOptions()).isEmpty();
    assertThat(s.input()).isEqualTo(InputOptions.DEFAULT);
    assertThat(s.layout()).isEqualTo(OutputLayout.FILES);
    assertThat(s.retryFailed()).isFalse();
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> Settings.builder().inputs(List.of("-")).fetch(fetch()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Settings.workers was not set: it has no default");
    assertThatThrownBy(() -> Settings.builder().workers(1).fetch(fetch()).build())
        .hasMessageStartingWith("Settings.inputs was not set");
    assertThatThrownBy(() -> Settings.builder().inputs(List.of("-")).workers(1).build())
        .hasMessageStartingWith("Settings.fetch was not set");
  }

  @Test
  void aNullWhereAValueIsNeededFailsAtBuild() {
    assertThatThrownBy(() -> Settings.builder().inputs(List.of("-")).workers(1).fetch(fetch())
        .layout(null).build()).isInstanceOf(NullPointerException.class).hasMessage("layout");
  }
}
