package dev.imgdl.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static Result result(int index, Status status, long bytes) {
    return Result.builder(index, status).bytes(bytes).build();
  }

  @Test
  void aCheckedEntryCountsAsASuccessWithItsBytes() {
    Summary summary = Summary.of(List.of(result(0, Status.CHECKED, 100),
        result(1, Status.CHECKED, 50), result(2, Status.FAILED, 0),
        result(3, Status.DUPLICATE, 0)));

    assertThat(summary.checked()).isEqualTo(2);
    assertThat(summary.downloaded()).isZero();
    assertThat(summary.bytes()).isEqualTo(150);
    assertThat(summary.successRatio()).isEqualTo(2.0 / 3);
    assertThat(summary.fields()).containsEntry("checked", 2).containsEntry("downloaded", 0);
    assertThat(summary.fields().keySet()).containsExactly("entries", "downloaded", "checked",
        "skipped", "failed", "invalid", "duplicate", "bytes", "successRatio");
  }

  @Test
  void aWorkerCountsItsCheckedEntriesApartFromItsFailures() {
    WorkerStats stats = new WorkerStats(0, Summary.of(List.of(result(0, Status.CHECKED, 10),
        result(1, Status.FAILED, 0))), 1.0, 0, 0);

    assertThat(stats.checked()).isEqualTo(1);
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(stats.bytes()).isEqualTo(10);
  }
}
