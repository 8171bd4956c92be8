package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every row of docs/spec.md's exit status table that a run, rather than the parser, decides. */
class ExitCodeTest {

  @Test
  void theCodesAreTheOnesScriptsRelyOn() {
    assertThat(ExitCode.OK).isZero();
    assertThat(ExitCode.BELOW_THRESHOLD).isEqualTo(1);
    assertThat(ExitCode.USAGE).isEqualTo(2);
    assertThat(ExitCode.INTERRUPTED).isEqualTo(130);
  }

  @Test
  void aRatioAtLeastTheThresholdExitsZero() {
    assertThat(ExitCode.of(false, true, 1.0, 1.0)).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(false, true, 0.8, 0.8)).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(false, true, 0.9, 0.8)).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(false, true, 0.0, 0.0)).isEqualTo(ExitCode.OK);
  }

  @Test
  void aRatioBelowTheThresholdExitsOne() {
    assertThat(ExitCode.of(false, true, 0.999, 1.0)).isEqualTo(ExitCode.BELOW_THRESHOLD);
    assertThat(ExitCode.of(false, true, 0.0, 0.5)).isEqualTo(ExitCode.BELOW_THRESHOLD);
  }

  @Test
  void anOutputThatCouldNotBeWrittenExitsOneEvenWhenEverythingSucceeded() {
    assertThat(ExitCode.of(false, false, 1.0, 1.0)).isEqualTo(ExitCode.BELOW_THRESHOLD);
    assertThat(ExitCode.of(false, false, 1.0, 0.0)).isEqualTo(ExitCode.BELOW_THRESHOLD);
  }

  @Test
  void anInterruptExits130WhateverElseHappened() {
    assertThat(ExitCode.of(true, true, 1.0, 1.0)).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(ExitCode.of(true, true, 0.0, 1.0)).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(ExitCode.of(true, false, 1.0, 1.0)).isEqualTo(ExitCode.INTERRUPTED);
    assertThat(ExitCode.of(true, false, 0.0, 1.0)).isEqualTo(ExitCode.INTERRUPTED);
  }
}
