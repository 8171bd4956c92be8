package dev.imgdl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.download.HostGate;
import dev.imgdl.testing.Await;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child's gate: each permit is asked of the parent over the pipe. */
class RemoteHostGateTest {
  private final StringWriter pipe = new StringWriter();
  private final RemoteHostGate gate = new RemoteHostGate(pipe);

  private List<Message> sent() {
    synchronized (pipe) {
      return pipe.toString().lines().map(line -> {
        try {
          return Wire.parse(line);
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }).toList();
    }
  }

  private CompletableFuture<HostGate.Permit> acquire(long waitMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return gate.acquire("example.org", deadline);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void aGrantedPermitTellsTheParentWhenSentAndReleasesOnce() throws Exception {
    CompletableFuture<HostGate.Permit> permit = acquire(10_000);
    Await.until("an acquire line", Duration.ofSeconds(10), () -> sent().size() == 1);
    Message ask = sent().get(0);
    assertThat(ask.type()).isEqualTo("acquire");
    assertThat(ask.host()).isEqualTo("example.org");
    gate.answer(ask.id(), true);
    HostGate.Permit p = permit.get(10, TimeUnit.SECONDS);
    p.started();
    p.started();
    p.close();
    p.close();
    assertThat(sent()).extracting(Message::type).containsExactly("acquire", "started", "release");
    assertThat(sent()).extracting(Message::id).containsOnly(ask.id());
  }

  @Test
  void aDenyFromTheParentIsATimeout() {
    CompletableFuture<HostGate.Permit> permit = acquire(10_000);
    Await.until("an acquire line", Duration.ofSeconds(10), () -> sent().size() == 1);
    gate.answer(sent().get(0).id(), false);
    assertThatThrownBy(() -> permit.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(HostGate.GateTimeoutException.class);
    assertThat(sent()).extracting(Message::type).containsExactly("acquire");
  }

  @Test
  void noAnswerByTheDeadlineIsATimeoutAndReturnsAnyLateGrant() throws Exception {
    CompletableFuture<HostGate.Permit> permit = acquire(50);
    assertThatThrownBy(() -> permit.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(HostGate.GateTimeoutException.class);
    long id = sent().get(0).id();
    assertThat(sent()).extracting(Message::type).containsExactly("acquire", "release");
    // A grant that arrives after the child gave up is handed back at once.
    gate.answer(id, true);
    assertThat(sent()).extracting(Message::type)
        .containsExactly("acquire", "release", "release");
  }
}
