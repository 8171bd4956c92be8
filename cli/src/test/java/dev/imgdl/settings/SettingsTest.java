package dev.imgdl.settings;

import dev.imgdl.config.FetchSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Settings settings(int workers, int perHost, double rate) {
    FetchSettings fetch =
        new FetchSettings("/o", "id", 1, 1, 1, 0, "ua", List.of(), false);
    return new Settings(List.of("-"), workers, Mode.THREAD, 1, fetch, perHost, rate,
        false, null, null, 1, false, 0, false, List.of());
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
    assertThat(s.fetch().headers()).isUnmodifiable();
    assertThat(s.reportToStdout()).isFalse();
  }
}
