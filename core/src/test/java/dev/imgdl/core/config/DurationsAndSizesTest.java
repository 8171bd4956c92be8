package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsAndSizesTest {

  @Test
  void durationsAcceptSecondsAndUnits() {
    assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void malformedDurationsAreRejectedWithTheValue() {
    for (String bad : new String[] {"", "s", "-1", "2x", "1 day", "abc"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void durationsPrintTheWayUsersWriteThem() {
    assertThat(Durations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(Durations.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMillis(3_599_600))).isEqualTo("1h");
    assertThat(Durations.format(Duration.ofSeconds(3_599))).isEqualTo("3599s");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
  }

  @Test
  void sizesArePowersOf1024() {
    assertThat(Sizes.parse("100")).isEqualTo(100);
    assertThat(Sizes.parse("1k")).isEqualTo(1024);
    assertThat(Sizes.parse("50M")).isEqualTo(50L << 20);
    assertThat(Sizes.parse("2G")).isEqualTo(2L << 30);
  }

  @Test
  void malformedSizesAreRejected() {
    for (String bad : new String[] {"", "M", "-5", "5X", "five"}) {
      assertThatThrownBy(() -> Sizes.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void sizesPrintInBinaryUnits() {
    assertThat(Sizes.format(512)).isEqualTo("512 B");
    assertThat(Sizes.format(1024)).isEqualTo("1 KiB");
    assertThat(Sizes.format(1L << 20)).isEqualTo("1 MiB");
    assertThat(Sizes.format(3L << 19)).isEqualTo("1.5 MiB");
  }
}
