package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaunchPolicyTest {
  private final RelaunchPolicy twice = new RelaunchPolicy(2);

  @Test
  void aChunkRunsInAtMostTwoChildren() {
    assertThat(twice.launchAgain(0, true, false)).isTrue();
    assertThat(twice.launchAgain(1, true, false)).isTrue();
    assertThat(twice.launchAgain(2, true, false)).isFalse();
  }

  @Test
  void noChildIsLaunchedOnceEveryEntryHasAResult() {
    assertThat(twice.launchAgain(0, false, false)).isFalse();
    assertThat(twice.launchAgain(1, false, false)).isFalse();
  }

  @Test
  void noChildIsLaunchedOnceTheRunIsCancelled() {
    assertThat(twice.launchAgain(0, true, true)).isFalse();
    assertThat(twice.launchAgain(1, true, true)).isFalse();
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
