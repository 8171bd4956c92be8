package dev.imgdl.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaunchPolicyTest {
  private final RelaunchPolicy twice = new RelaunchPolicy(2);

  @Test
  void aChunkRunsInAtMostTwoChildren() {
    assertThat(twice.launchAgain(0, 3, false)).isTrue();
    assertThat(twice.launchAgain(1, 3, false)).isTrue();
    assertThat(twice.launchAgain(2, 3, false)).isFalse();
  }

  @Test
  void noChildIsLaunchedOnceEveryEntryHasAResult() {
    assertThat(twice.launchAgain(0, 0, false)).isFalse();
    assertThat(twice.launchAgain(1, 0, false)).isFalse();
  }

  @Test
  void noChildIsLaunchedOnceTheRunIsCancelled() {
    assertThat(twice.launchAgain(0, 3, true)).isFalse();
    assertThat(twice.launchAgain(1, 3, true)).isFalse();
  }

  @Test
  void theEntriesLeftFailWithTheLastChildsReason() {
    assertThat(twice.failure(false, "worker 3 exited with code 137"))
        .isEqualTo("worker 3 exited with code 137");
  }

  @Test
  void theEntriesLeftAreLeftToTheRunWhenCancelledOrWhenNoChildRan() {
    assertThat(twice.failure(true, "worker 3 exited with code 137")).isNull();
    assertThat(twice.failure(false, null)).isNull();
  }
}
