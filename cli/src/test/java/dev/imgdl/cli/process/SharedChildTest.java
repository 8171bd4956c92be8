package dev.imgdl.cli.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --processes}: the chunks dealt to fewer child JVMs than chunks, each child running its
 * chunks on threads, while the report and the per-worker table stay per chunk.
 */
class SharedChildTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback(40);

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    server.stubFor(get(urlMatching("/fast/.*")).willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get(urlMatching("/slow/.*"))
        .willReturn(aResponse().withBody(Images.png()).withFixedDelay(3_000)));
  }

  @AfterEach
  void noChildIsLeft() {
    Await.until("no child JVM left", Duration.ofSeconds(10),
        () -> ChildDeathTest.children().isEmpty());
  }

  /** {@code slow} entries at /slow/, then {@code fast} at /fast/: entry i goes to chunk i % w. */
  private Path list(int slow, int fast) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < slow + fast; i++) {
      lines.add(server.baseUrl() + (i < slow ? "/slow/" : "/fast/") + i + ".png");
    }
    return server.list(lines);
  }

  private CompletableFuture<Cli.Outcome> start(Path list, String... options) {
    List<String> args = new ArrayList<>(List.of(options));
    // -v: the per-worker table, read for each chunk's pid, is printed with it.
    args.addAll(List.of("-v", "-o", server.out().toString(), "--report", "-", list.toString()));
    return CompletableFuture.supplyAsync(() -> Cli.run(args.toArray(String[]::new)));
  }

  private static void awaitSlowRequests(int n) {
    Await.until(n + " slow requests held", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() >= n);
  }

  /** A row of the summary's per-worker table in process mode. */
  private record Row(int worker, int entries, int downloaded, long pid) {}

  private static List<Row> table(String stderr) {
    List<Row> rows = new ArrayList<>();
    for (String line : stderr.lines().toList()) {
      // worker entries downloaded skipped failed bytes (2 words) seconds pid peak-RSS
      if (line.matches(" +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ +[\\d.]+ \\S+ +[\\d.]+ +(\\d+|-) .*")) {
        String[] f = line.strip().split(" +");
        rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
            Long.parseLong(f[8])));
      }
    }
    return rows;
  }

  @Test
  void sixWorkersOnTwoProcessesStartTwoChildrenAndReportSixWorkersLikeThreadMode()
      throws Exception {
    // Entries 0 and 1 are slow: the first of chunk 0 (child 0) and of chunk 1 (child 1).
    Path list = list(2, 12);
    CompletableFuture<Cli.Outcome> run = start(list, "--mode", "process", "-w", "6",
        "--processes", "2");
    awaitSlowRequests(2);
    assertThat(ChildDeathTest.children()).hasSize(2);
    Cli.Outcome process = run.get(60, TimeUnit.SECONDS);
    Cli.Outcome thread =
        Cli.run("-q", "--mode", "thread", "-w", "6", "--overwrite", "-o",
            dir.resolve("out-thread").toString(), "--report", "-", list.toString());

    assertThat(process.exitCode()).as(process.stderr()).isZero();
    List<Row> rows = table(process.stderr());
    assertThat(rows).extracting(Row::worker).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(rows).extracting(Row::entries).containsExactly(3, 3, 2, 2, 2, 2);
    assertThat(rows).extracting(Row::downloaded).containsExactly(3, 3, 2, 2, 2, 2);
    // Chunk i ran in child i % 2: two children, each with the pid of its three chunks.
    assertThat(rows.get(0).pid()).isEqualTo(rows.get(2).pid()).isEqualTo(rows.get(4).pid());
    assertThat(rows.get(1).pid()).isEqualTo(rows.get(3).pid()).isEqualTo(rows.get(5).pid());
    assertThat(rows.get(0).pid()).isNotEqualTo(rows.get(1).pid());
    JsonNode processJson = process.json();
    JsonNode threadJson = thread.json();
    assertThat(processJson.get("summary")).isEqualTo(threadJson.get("summary"));
    assertThat(processJson.get("workerStats")).hasSize(6);
    for (int i = 0; i < 14; i++) {
      JsonNode a = threadJson.get("results").get(i);
      JsonNode b = processJson.get("results").get(i);
      assertThat(b.get("worker").asInt()).isEqualTo(i % 6);
      for (String field : List.of("status", "file", "bytes", "sha256", "worker")) {
        assertThat(b.get(field)).as("entry %d field %s", i, field).isEqualTo(a.get(field));
      }
    }
    for (int w = 0; w < 6; w++) {
      assertThat(processJson.get("workerStats").get(w).get("entries").asInt())
          .isEqualTo(threadJson.get("workerStats").get(w).get("entries").asInt());
    }
  }

  @Test
  void moreProcessesThanChunksStartOneChildPerChunk() throws Exception {
    CompletableFuture<Cli.Outcome> run = start(list(2, 2), "--mode", "process", "-w", "2",
        "--processes", "8");
    awaitSlowRequests(2);
    assertThat(ChildDeathTest.children()).hasSize(2);
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    List<Row> rows = table(outcome.stderr());
    assertThat(rows).extracting(Row::entries).containsExactly(2, 2);
    assertThat(rows.get(0).pid()).isNotEqualTo(rows.get(1).pid());
  }

  @Test
  void aKilledChildHasTheUnfinishedEntriesOfAllItsChunksRunAgainInOneNewChild()
      throws Exception {
    // Four chunks on two children, chunks 0 and 2 on one, 1 and 3 on the other; the first entry
    // of every chunk is slow, so that each child has both its chunks in flight.
    CompletableFuture<Cli.Outcome> run = start(list(4, 4), "--mode", "process", "-w", "4",
        "--processes", "2");
    awaitSlowRequests(4);
    List<ProcessHandle> children = ChildDeathTest.children();
    assertThat(children).hasSize(2);
    ProcessHandle killed = children.get(0);
    killed.destroyForcibly();
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    JsonNode results = outcome.json().get("results");
    assertThat(results).hasSize(8);
    for (int i = 0; i < 8; i++) {
      assertThat(results.get(i).get("status").asText()).isEqualTo("downloaded");
      assertThat(results.get(i).get("worker").asInt()).isEqualTo(i % 4);
    }
    // The slow entry of each of the killed child's two chunks was asked for again, no other.
    Set<Integer> again = new java.util.TreeSet<>();
    for (int i = 0; i < 4; i++) {
      int requests = server.findAll(getRequestedFor(urlEqualTo("/slow/" + i + ".png"))).size();
      assertThat(requests).as("requests of slow entry " + i).isBetween(1, 2);
      if (requests == 2) {
        again.add(i);
      }
    }
    assertThat(again).isIn(Set.of(0, 2), Set.of(1, 3));
    for (int i = 4; i < 8; i++) {
      assertThat(server.findAll(getRequestedFor(urlEqualTo("/fast/" + i + ".png")))).hasSize(1);
    }
    // Both rerun chunks ran in one new child, neither the killed one nor the survivor.
    List<Row> rows = table(outcome.stderr());
    int first = again.iterator().next();
    int other = (first + 1) % 4;
    assertThat(rows.get(first).pid()).isEqualTo(rows.get(first + 2).pid())
        .isNotEqualTo(killed.pid()).isNotEqualTo(rows.get(other).pid());
    Set<Long> pids = rows.stream().map(Row::pid).collect(Collectors.toSet());
    assertThat(pids).hasSize(2).doesNotContain(killed.pid());
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }

  @Test
  void whenTheNewChildDiesTooEachEntryFailsNamingItsOwnChunk() throws Exception {
    // One child runs both chunks; each chunk's first entry is slow.
    CompletableFuture<Cli.Outcome> run = start(list(2, 2), "--mode", "process", "-w", "2",
        "--processes", "1");
    awaitSlowRequests(2);
    assertThat(ChildDeathTest.children()).hasSize(1);
    ChildDeathTest.children().get(0).destroyForcibly();
    awaitSlowRequests(4);
    List<ProcessHandle> second = ChildDeathTest.children();
    assertThat(second).hasSize(1);
    second.get(0).destroyForcibly();
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertThat(outcome.exitCode()).isEqualTo(1);
    JsonNode results = outcome.json().get("results");
    for (int i = 0; i < 4; i++) {
      JsonNode r = results.get(i);
      assertThat(r.get("status").asText()).isEqualTo("failed");
      assertThat(r.get("worker").asInt()).isEqualTo(i % 2);
      assertThat(r.get("error").asText()).isEqualTo("worker " + (i % 2) + " exited with code 137");
    }
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }
}
