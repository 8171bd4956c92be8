package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

  /** A child that last spoke {@code silentMillis} ago. */
  private static final class Child implements Watchdog.Watched {
    final long lastHeard;
    volatile long killedAfter = -1;
    volatile boolean waiting;

    Child(long silentMillis) {
      lastHeard = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(silentMillis);
    }

    @Override
    public String label() {
      return "worker 0";
    }

    @Override
    public long lastHeardNanos() {
      return lastHeard;
    }

    @Override
    public void killHung(long silentMillis) {
      killedAfter = silentMillis;
    }

    @Override
    public boolean waitingForInput() {
      return waiting;
    }
  }

  @Test
  void aChildWaitingForThePlannerIsNotKilledHoweverLongItIsSilent() {
    long deadline = 1_000;
    Child hung = new Child(deadline + Watchdog.MARGIN_MILLIS + 1_000);
    Child waiting = new Child(deadline + Watchdog.MARGIN_MILLIS + 60_000);
    waiting.waiting = true;
    try (Watchdog watchdog = new Watchdog(deadline, () -> List.of(waiting, hung))) {
      // The hung child is checked after the waiting one: once it is killed, both were seen.
      Await.until("the hung child killed", Duration.ofSeconds(10), () -> hung.killedAfter >= 0);
    }
    assertThat(waiting.killedAfter).isEqualTo(-1);
  }

  @Test
  void aChildWaitsForInputWhileItHasNothingLeftAndTheEndIsNotSent() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      ChildProcess child = new ChildProcess("worker 0", sleeper);
      boolean[] idle = {false};
      child.idleWhen(() -> idle[0]);
      assertThat(child.waitingForInput()).isFalse();
      idle[0] = true;
      assertThat(child.waitingForInput()).isTrue();
      child.endSent();
      assertThat(child.waitingForInput()).isFalse();
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void aChildSilentForTheDeadlinePlusTheMarginIsKilledAndOneThatSpokeIsNot() {
    long deadline = 1_000;
    Child hung = new Child(deadline + Watchdog.MARGIN_MILLIS + 1_000);
    Child busy = new Child(deadline + Watchdog.MARGIN_MILLIS - 5_000);
    try (Watchdog watchdog = new Watchdog(deadline, () -> List.of(hung, busy))) {
      Await.until("the hung child killed", Duration.ofSeconds(10), () -> hung.killedAfter >= 0);
    }
    assertThat(hung.killedAfter).isGreaterThan(deadline + Watchdog.MARGIN_MILLIS);
    assertThat(busy.killedAfter).isEqualTo(-1);
  }

  @Test
  void theReasonSaysTheChildWasSilentAndKilled() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      ChildProcess child = new ChildProcess("workers 1,3", sleeper);
      assertThat(child.failure(3, 137)).isEqualTo("worker 3 exited with code 137");
      assertThat(child.end(137)).isEqualTo("workers 1,3 exited with code 137");
      child.killHung(12_400);
      assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(child.failure(3, 137)).isEqualTo("worker 3 sent nothing for 12s and was killed");
      assertThat(child.failure(1, 137)).isEqualTo("worker 1 sent nothing for 12s and was killed");
      assertThat(child.end(137)).isEqualTo("workers 1,3 sent nothing for 12s and was killed");
    } finally {
      sleeper.destroyForcibly();
    }
  }
}
