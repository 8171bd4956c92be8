package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalHostGateTest {
  private static final String HOST = "example.org";

  private static long in(long millis) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /**
   * The permit the gate grants for {@code host} before a deadline {@code millis} away; the test
   * fails (rather than erring with the gate's exception) when there is none.
   */
  private static HostGate.Permit grantedWithin(HostGate gate, String host, long millis) {
    AtomicReference<HostGate.Permit> permit = new AtomicReference<>();
    assertThatCode(() -> permit.set(gate.acquire(host, in(millis))))
        .as("a permit for %s within %d ms", host, millis)
        .doesNotThrowAnyException();
    assertThat(permit.get()).isNotNull();
    return permit.get();
  }

  @Test
  void nothingLimitedIsTheOpenGate() {
    assertThat(LocalHostGate.of(0, 0)).isSameAs(HostGate.OPEN);
  }

  @Test
  void perHostCapTimesOutAtTheDeadlineAndFreesOnClose() throws Exception {
    HostGate gate = new LocalHostGate(1, 0);
    HostGate.Permit first = gate.acquire(HOST, in(5_000));
    assertThatThrownBy(() -> gate.acquire(HOST, in(50)))
        .isInstanceOf(HostGate.GateTimeoutException.class);
    // Another host has slots of its own.
    grantedWithin(gate, "other.org", 5_000).close();
    first.close();
    grantedWithin(gate, HOST, 5_000).close();
  }

  @Test
  void anExpiredDeadlineFailsWithoutWaiting() {
    HostGate gate = new LocalHostGate(1, 0);
    assertThatThrownBy(() -> gate.acquire(HOST, System.nanoTime() - 1))
        .isInstanceOf(HostGate.GateTimeoutException.class);
  }

  @Test
  void closingAPermitTwiceReturnsOneSlot() throws Exception {
    HostGate gate = new LocalHostGate(1, 0);
    HostGate.Permit permit = gate.acquire(HOST, in(5_000));
    permit.close();
    permit.close();
    HostGate.Permit again = grantedWithin(gate, HOST, 5_000);
    assertThatThrownBy(() -> gate.acquire(HOST, in(50)))
        .isInstanceOf(HostGate.GateTimeoutException.class);
    again.close();
  }

  @Test
  void rateGrantsTheNextPermitNoSoonerThanOneIntervalAfterTheLastSend() throws Exception {
    HostGate gate = new LocalHostGate(0, 10);
    HostGate.Permit first = gate.acquire(HOST, in(5_000));
    first.started();
    long sent = System.nanoTime();
    first.close();
    HostGate.Permit second = gate.acquire(HOST, in(5_000));
    assertThat(System.nanoTime() - sent).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    second.close();
  }

  @Test
  void aGrantedRequestNotSentYetHoldsBackTheNextOne() throws Exception {
    HostGate gate = new LocalHostGate(0, 1_000);
    HostGate.Permit unsent = gate.acquire(HOST, in(5_000));
    // However short the interval, the next start waits for this one to leave.
    assertThatThrownBy(() -> gate.acquire(HOST, in(100)))
        .isInstanceOf(HostGate.GateTimeoutException.class);
    AtomicReference<Long> grantedAt = new AtomicReference<>();
    CompletableFuture<HostGate.Permit> next = CompletableFuture.supplyAsync(() -> {
      try {
        HostGate.Permit p = gate.acquire(HOST, in(10_000));
        grantedAt.set(System.nanoTime());
        return p;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    long sent = System.nanoTime();
    unsent.started();
    next.get(10, TimeUnit.SECONDS).close();
    assertThat(grantedAt.get()).isGreaterThanOrEqualTo(sent + TimeUnit.MILLISECONDS.toNanos(1));
    unsent.close();
  }

  @Test
  void aPermitClosedWithoutSendingLetsTheNextGoWithoutAnInterval() throws Exception {
    HostGate gate = new LocalHostGate(0, 0.01);
    gate.acquire(HOST, in(5_000)).close();
    // With a 100 s interval, only a request that never left can let this one through: a gate
    // that counted the first as sent would refuse at once (its next start is past the deadline).
    grantedWithin(gate, HOST, 30_000).close();
  }

  @Test
  void aStartBeyondTheDeadlineFailsAtOnce() throws Exception {
    HostGate gate = new LocalHostGate(0, 0.01);
    HostGate.Permit first = gate.acquire(HOST, in(5_000));
    first.started();
    first.close();
    long asked = System.nanoTime();
    assertThatThrownBy(() -> gate.acquire(HOST, in(60_000)))
        .isInstanceOf(HostGate.GateTimeoutException.class);
    // The next start is 100 s away, beyond the 60 s deadline: no point in waiting for it.
    assertThat(System.nanoTime() - asked).isLessThan(TimeUnit.SECONDS.toNanos(30));
  }

  @Test
  void anInterruptedWaitGivesBackItsSlot() throws Exception {
    HostGate gate = new LocalHostGate(1, 0);
    HostGate.Permit held = gate.acquire(HOST, in(5_000));
    Thread waiter = new Thread(() -> {
      try {
        gate.acquire(HOST, in(60_000));
      } catch (InterruptedException expected) {
        // The point of the test.
      }
    });
    waiter.start();
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
    held.close();
    grantedWithin(gate, HOST, 5_000).close();
  }
}
