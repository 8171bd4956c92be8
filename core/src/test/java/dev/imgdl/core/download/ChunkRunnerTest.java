package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The loop both worker modes run a chunk with: order, cancel, and the guard against bugs. */
class ChunkRunnerTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  private final List<Result> sink = new ArrayList<>();
  private Fetcher fetcher;

  @BeforeEach
  void serveImages() {
    server.stubFor(get(urlPathMatching("/.*\\.png"))
        .willReturn(ok().withBody(Images.of(ImageFormat.PNG))));
  }

  @AfterEach
  void closeFetcher() {
    if (fetcher != null) {
      fetcher.close();
    }
  }

  private ChunkFeed<Task> chunk(String... paths) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < paths.length; i++) {
      // Indexes of a chunk dealt round-robin: every third entry of the run.
      tasks.add(Downloads.task(1 + 3 * i, Downloads.url(server, paths[i])));
    }
    return ChunkFeed.of(tasks);
  }

  private ChunkRunner runner(HostGate gate) {
    fetcher = downloads.fetcher(gate);
    return new ChunkRunner(fetcher);
  }

  @Test
  void everyEntryIsRunInChunkOrderAndHandedToTheSinkAsItsWorkers() {
    int done = runner(HostGate.OPEN).run(2, chunk("/a.png", "/b.png", "/c.png"), () -> false,
        sink::add);

    assertThat(done).isEqualTo(3);
    assertThat(sink).extracting(Result::index).containsExactly(1, 4, 7);
    assertThat(sink).extracting(Result::file).containsExactly("a.png", "b.png", "c.png");
    assertThat(sink).allSatisfy(r -> {
      assertThat(r.status()).isEqualTo(Status.DOWNLOADED);
      assertThat(r.worker()).isEqualTo(2);
    });
  }

  @Test
  void onceCancelledNoNewEntryIsTakenAndTheRestGetNoResult() {
    ChunkRunner runner = runner(HostGate.OPEN);
    // The signal goes up while the first entry is being handed in.
    int done = runner.run(0, chunk("/a.png", "/b.png", "/c.png"), () -> !sink.isEmpty(),
        sink::add);

    assertThat(done).isEqualTo(1);
    assertThat(sink).extracting(Result::index).containsExactly(1);
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void aChunkCancelledBeforeItStartsSendsNoRequest() {
    int done = runner(HostGate.OPEN).run(0, chunk("/a.png", "/b.png"), () -> true, sink::add);

    assertThat(done).isZero();
    assertThat(sink).isEmpty();
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void anOutOfMemoryErrorInTheCoreReachesTheCallerWhichStopsTheRun() {
    AtomicInteger asked = new AtomicInteger();
    HostGate starved = (host, deadline) -> {
      if (asked.incrementAndGet() == 2) {
        throw new OutOfMemoryError("Java heap space");
      }
      return HostGate.OPEN.acquire(host, deadline);
    };
    ChunkRunner runner = runner(starved);

    assertThatThrownBy(() -> runner.run(0, chunk("/a.png", "/b.png", "/c.png"), () -> false,
        sink::add)).isInstanceOf(OutOfMemoryError.class);
    assertThat(sink).extracting(Result::index).containsExactly(1);
  }

  @Test
  void anExceptionOrAnErrorInTheCoreFailsItsEntryAsAnInternalErrorAndTheChunkGoesOn() {
    AtomicInteger asked = new AtomicInteger();
    HostGate broken = (host, deadline) -> switch (asked.incrementAndGet()) {
      case 1 -> throw new IllegalStateException("a bug");
      case 2 -> throw new AssertionError("a worse bug");
      default -> HostGate.OPEN.acquire(host, deadline);
    };
    int done = runner(broken).run(3, chunk("/a.png", "/b.png", "/c.png"), () -> false,
        sink::add);

    assertThat(done).isEqualTo(3);
    assertThat(sink).extracting(Result::error).containsExactly(
        "internal error: a bug",
        "internal error: a worse bug",
        null);
    assertThat(sink.get(0).status()).isEqualTo(Status.FAILED);
    assertThat(sink.get(0).worker()).isEqualTo(3);
    assertThat(sink.get(2).status()).isEqualTo(Status.DOWNLOADED);
  }

  @Test
  void aSinkThatFailsEndsTheChunkAndReachesTheCaller() {
    ChunkRunner runner = runner(HostGate.OPEN);
    assertThatThrownBy(() -> runner.run(0, chunk("/a.png", "/b.png"), () -> false, r -> {
      throw new IllegalStateException("pipe closed");
    })).isInstanceOf(IllegalStateException.class).hasMessage("pipe closed");
    assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void aTaskDealtWhileTheRunnerWaitsIsRunAndTheEndOfTheFeedEndsTheRun() throws Exception {
    ChunkRunner runner = runner(HostGate.OPEN);
    ChunkFeed<Task> feed = new ChunkFeed<>();
    List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger done = new AtomicInteger(-1);
    Thread worker = new Thread(() -> done.set(runner.run(0, feed, () -> false, results::add)));
    worker.start();
    feed.add(Downloads.task(0, Downloads.url(server, "/a.png")));
    dev.imgdl.testing.Await.until("the first task run", java.time.Duration.ofSeconds(10),
        () -> results.size() == 1);
    assertThat(worker.isAlive()).isTrue();

    feed.add(Downloads.task(1, Downloads.url(server, "/b.png")));
    feed.end();
    worker.join(10_000);

    assertThat(worker.isAlive()).isFalse();
    assertThat(done.get()).isEqualTo(2);
    assertThat(results).extracting(Result::index).containsExactly(0, 1);
  }

  @Test
  void anInterruptWhileWaitingForATaskEndsTheRun() throws Exception {
    ChunkRunner runner = runner(HostGate.OPEN);
    AtomicInteger done = new AtomicInteger(-1);
    Thread worker =
        new Thread(() -> done.set(runner.run(0, new ChunkFeed<>(), () -> false, sink::add)));
    worker.start();
    dev.imgdl.testing.Await.until("the runner waiting", java.time.Duration.ofSeconds(10),
        () -> worker.getState() == Thread.State.WAITING);

    worker.interrupt();
    worker.join(10_000);

    assertThat(worker.isAlive()).isFalse();
    assertThat(done.get()).isZero();
  }
}
