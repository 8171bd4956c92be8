package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.Summary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecordTest {
  private static final List<Result> RESULTS =
      List.of(Result.planned(0, Status.INVALID, "not an absolute URL (no scheme)"));

  private static RunRecord.Builder required() {
    return RunRecord.builder().mode(Mode.THREAD).workers(2).startedAt(Instant.EPOCH)
        .seconds(1.5).entries(List.of()).results(RESULTS).summary(Summary.of(RESULTS));
  }

  @Test
  void theBuilderDefaultsNoWorkerStatsNoMeasuredMemoryAndACompleteInput() {
    RunRecord run = required().build();

    assertThat(run.mode()).isEqualTo(Mode.THREAD);
    assertThat(run.workers()).isEqualTo(2);
    assertThat(run.seconds()).isEqualTo(1.5);
    assertThat(run.results()).isEqualTo(RESULTS);
    assertThat(run.workerStats()).isEmpty();
    assertThat(run.parentPeakRssBytes()).isZero();
    assertThat(run.inputComplete()).isTrue();
  }

  @Test
  void aRequiredFieldLeftOutFailsAtBuildNamingIt() {
    assertThatThrownBy(() -> RunRecord.builder().mode(Mode.THREAD).workers(2)
        .startedAt(Instant.EPOCH).entries(List.of()).results(RESULTS)
        .summary(Summary.of(RESULTS)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("RunRecord.seconds was not set: it has no default");
    assertThatThrownBy(() -> required().summary(null).build())
        .hasMessageStartingWith("RunRecord.summary was not set");
  }

  @Test
  void aCopyChangesOnlyWhatItIsTold() {
    RunRecord whole = required().parentPeakRssBytes(42).build();

    RunRecord cut = whole.toBuilder().inputComplete(false).build();

    assertThat(cut.inputComplete()).isFalse();
    assertThat(cut.toBuilder().inputComplete(true).build()).isEqualTo(whole);
  }
}
