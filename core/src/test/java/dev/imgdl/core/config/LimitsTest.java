package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.source.InputFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checks every front end applies to its user's values, with the messages they print. */
class LimitsTest {
  @Test
  void durationsRunFromOneMillisecondToADay() {
    assertThat(Limits.duration("--timeout", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
    assertThat(Limits.duration("--deadline", Duration.ofHours(24))).isEqualTo(Duration.ofHours(24));
    assertThatThrownBy(() -> Limits.duration("--timeout", Duration.ZERO))
        .hasMessage("--timeout must be 1ms to 24h, not 0ms");
    assertThatThrownBy(() -> Limits.duration("--deadline", Duration.ofHours(25)))
        .hasMessageStartingWith("--deadline must be 1ms to 24h, not ");
  }

  @Test
  void sizesRatesAndRatiosHaveTheirBounds() {
    assertThat(Limits.maxSize(1)).isEqualTo(1);
    assertThatThrownBy(() -> Limits.maxSize(0)).hasMessageStartingWith("--max-size must be 1 to");
    assertThatThrownBy(() -> Limits.maxSize(Limits.MAX_SIZE + 1))
        .hasMessageStartingWith("--max-size must be 1 to 1024G");
    assertThat(Limits.rate(0)).isZero();
    assertThat(Limits.rate(0.001)).isEqualTo(0.001);
    assertThatThrownBy(() -> Limits.rate(0.0001)).hasMessageStartingWith("--rate must be 0");
    assertThatThrownBy(() -> Limits.rate(Double.NaN)).hasMessageStartingWith("--rate must be 0");
    assertThatThrownBy(() -> Limits.rate(Double.POSITIVE_INFINITY))
        .hasMessageStartingWith("--rate must be 0");
    assertThat(Limits.minSuccess(1)).isEqualTo(1);
    assertThatThrownBy(() -> Limits.minSuccess(1.5))
        .hasMessage("--min-success must be between 0 and 1, not 1.5");
  }

  @Test
  void headerValuesArePrintableAsciiAndTabs() {
    assertThat(Limits.sendable("imgdl/1.0\tx")).isTrue();
    assertThat(Limits.sendable("a\nb")).isFalse();
    assertThat(Limits.sendable("é")).isFalse();
  }

  @Test
  void directivesDefaultWhenAbsentAndTurnOffWhenEmpty() {
    assertThat(Limits.directives(null)).isEqualTo(RequestSettings.DEFAULT_DISALLOWED);
    assertThat(Limits.directives("")).isEmpty();
    assertThat(Limits.directives(" NoAI , ,notrain")).containsExactly("NoAI", "notrain");
  }

  @Test
  void inputFormatsAreNamedInAnyCase() {
    assertThat(InputFormat.parse(" CSV ")).isEqualTo(InputFormat.CSV);
    assertThatThrownBy(() -> InputFormat.parse("xml"))
        .hasMessage("--input-format must be lines, csv, tsv, jsonl or parquet, not 'xml'");
  }
}
