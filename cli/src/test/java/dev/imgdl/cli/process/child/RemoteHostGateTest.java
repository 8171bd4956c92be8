package dev.imgdl.cli.process.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.cli.process.pipe.PipeCodec;
import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.core.download.HostGate;
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
  private final RemoteHostGate gate = new RemoteHostGate(new PipeWriter<>(pipe));

  private List<ToParent> sent() {
    synchronized (pipe) {
      return pipe.toString().lines().map(line -> {
        try {
          return PipeCodec.parse(line, ToParent.class);
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
    assertThat(sent().get(0)).isInstanceOf(Acquire.class);
    Acquire ask = (Acquire) sent().get(0);
    assertThat(ask.host()).isEqualTo("example.org");
    gate.answer(ask.id(), true);
    HostGate.Permit p = permit.get(10, TimeUnit.SECONDS);
    p.started();
    p.started();
    p.close();
    p.close();
    assertThat(sent()).containsExactly(ask, new Started(ask.id()), new Release(ask.id()));
  }

  @Test
  void aDenyFromTheParentIsATimeout() {
    CompletableFuture<HostGate.Permit> permit = acquire(10_000);
    Await.until("an acquire line", Duration.ofSeconds(10), () -> sent().size() == 1);
    gate.answer(((Acquire) sent().get(0)).id(), false);
    assertThatThrownBy(() -> permit.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(HostGate.GateTimeoutException.class);
    assertThat(sent()).extracting(Object::getClass).containsExactly(Acquire.class);
  }

  @Test
  void noAnswerByTheDeadlineIsATimeoutAndReturnsAnyLateGrant() throws Exception {
    CompletableFuture<HostGate.Permit> permit = acquire(50);
    assertThatThrownBy(() -> permit.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(HostGate.GateTimeoutException.class);
    long id = ((Acquire) sent().get(0)).id();
    assertThat(sent().subList(1, sent().size())).containsExactly(new Release(id));
    // A grant that arrives after the child gave up is handed back at once.
    gate.answer(id, true);
    assertThat(sent().subList(1, sent().size()))
        .containsExactly(new Release(id), new Release(id));
  }
}
