package dev.imgdl.cli.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.imgdl.cli.process.child.ChildMain;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A child JVM killed in the middle of a run loses no entry, and leaves nothing behind. */
class ChildDeathTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    for (String name : List.of("a", "c", "d")) {
      server.stubFor(get("/" + name + ".png").willReturn(aResponse().withBody(Images.png())));
    }
    server.stubFor(
        get("/slow.png")
            .willReturn(aResponse().withBody(Images.png()).withFixedDelay(1500)));
  }

  @AfterEach
  void noChildIsLeft() {
    Await.until("no child JVM left", Duration.ofSeconds(10), () -> children().isEmpty());
  }

  static List<ProcessHandle> children() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).contains(ChildMain.class.getName()))
        .toList();
  }

  /**
   * The command line, from {@code /proc} where there is one: the JDK's {@code
   * ProcessHandle.Info} gives no command line once it is longer than a page, as a child's is
   * when the tests' class path lists every jar (the Parquet dependencies made it so).
   */
  private static String commandLine(ProcessHandle p) {
    Path proc = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
    try {
      return Files.readString(proc, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (java.io.IOException e) {
      return p.info().commandLine().orElse("");
    }
  }

  private CompletableFuture<Cli.Outcome> startRun() {
    String base = server.baseUrl();
    Path list = server.list(base + "/a.png", base + "/slow.png", base + "/c.png", base + "/d.png");
    return CompletableFuture.supplyAsync(
        () -> Cli.run("-q", "--mode", "process", "-w", "1", "-o", server.out().toString(),
            "--report", "-", list.toString()));
  }

  private void killChildWhenSlowRequestNumber(int n) {
    Await.until("request " + n + " for /slow.png", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlEqualTo("/slow.png"))).size() >= n);
    List<ProcessHandle> children = children();
    assertThat(children).hasSize(1);
    children.get(0).destroyForcibly();
  }

  @Test
  void killedChildHasItsUnfinishedEntriesRunAgainInANewChild() throws Exception {
    CompletableFuture<Cli.Outcome> run = startRun();
    killChildWhenSlowRequestNumber(1);
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertThat(outcome.exitCode()).isZero();
    JsonNode results = outcome.json().get("results");
    assertThat(results).hasSize(4);
    for (JsonNode r : results) {
      assertThat(r.get("status").asText()).isEqualTo("downloaded");
      assertThat(r.get("worker").asInt()).isZero();
    }
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/slow.png")))).hasSize(2);
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/a.png")))).hasSize(1);
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }

  @Test
  void entriesFailWithTheExitCodeWhenTheSecondChildDiesToo() throws Exception {
    CompletableFuture<Cli.Outcome> run = startRun();
    killChildWhenSlowRequestNumber(1);
    killChildWhenSlowRequestNumber(2);
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);

    assertThat(outcome.exitCode()).isEqualTo(1);
    JsonNode results = outcome.json().get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    for (int i = 1; i < 4; i++) {
      assertThat(results.get(i).get("status").asText()).isEqualTo("failed");
      assertThat(results.get(i).get("error").asText()).isEqualTo("worker 0 exited with code 137");
      assertThat(results.get(i).get("worker").asInt()).isZero();
    }
    assertThat(outcome.json().get("summary").get("failed").asInt()).isEqualTo(3);
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }

  @Test
  void silentChildIsKilledByTheWatchdogAndItsEntriesRunAgain() throws Exception {
    // The first request is held while its child is frozen; the one the new child sends answers
    // at once: with --deadline 2s, a fresh JVM on a busy machine could not also wait out the
    // delay (the test failed so once, "deadline 2s exceeded").
    server.stubFor(get("/slow.png").inScenario("frozen").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withBody(Images.png()).withFixedDelay(1500))
        .willSetStateTo("again"));
    server.stubFor(get("/slow.png").inScenario("frozen").whenScenarioStateIs("again")
        .willReturn(aResponse().withBody(Images.png())));
    String base = server.baseUrl();
    Path list = Cli.list(dir, "l.txt",
        List.of(base + "/a.png", base + "/slow.png", base + "/c.png", base + "/d.png"));
    CompletableFuture<Cli.Outcome> run = CompletableFuture.supplyAsync(
        () -> Cli.run("--mode", "process", "-w", "1", "--deadline", "2s",
            "-o", dir.resolve("out").toString(), "--report", "-", list.toString()));
    Await.until("request for /slow.png", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlEqualTo("/slow.png"))).size() >= 1);
    ProcessHandle frozen = children().get(0);
    long stoppedAt = System.nanoTime();
    new ProcessBuilder("kill", "-STOP", String.valueOf(frozen.pid())).start().waitFor();
    Cli.Outcome outcome = run.get(60, TimeUnit.SECONDS);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stoppedAt);

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(frozen.isAlive()).isFalse();
    // Killed once silent for the deadline plus the margin, not before.
    assertThat(seconds).isGreaterThanOrEqualTo(
        TimeUnit.MILLISECONDS.toSeconds(Watchdog.MARGIN_MILLIS));
    for (JsonNode r : outcome.json().get("results")) {
      assertThat(r.get("status").asText()).isEqualTo("downloaded");
      assertThat(r.get("worker").asInt()).isZero();
    }
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/slow.png")))).hasSize(2);
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/a.png")))).hasSize(1);
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }

  @Test
  void childOutOfMemoryIsReportedAndItsEntriesFailWithTheExitCode() {
    String base = server.baseUrl();
    Path list = Cli.list(dir, "l.txt", List.of(base + "/a.png", base + "/c.png"));
    // A 3 MiB heap is too small for a child: it runs out of memory, prints the JVM's
    // "Terminating due to java.lang.OutOfMemoryError" and exits with code 3. The JVM's message
    // goes to the child's stderr, never to the stdout that carries results.
    Cli.Outcome run = Cli.run("--mode", "process", "-w", "1", "--child-java-options", "-Xmx3m",
        "-o", dir.resolve("out").toString(), "--report", "-", list.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    for (JsonNode r : run.json().get("results")) {
      assertThat(r.get("status").asText()).isEqualTo("failed");
      assertThat(r.get("error").asText()).isEqualTo("worker 0 exited with code 3");
    }
    assertThat(run.stderr()).contains("2 failed")
        .contains("[worker 0] Terminating due to java.lang.OutOfMemoryError")
        .doesNotContain("not a result");
  }

  /** A process-mode run reading its list from a pipe that the test writes to as it goes. */
  private final java.io.PipedOutputStream writer = new java.io.PipedOutputStream();
  private final java.io.ByteArrayOutputStream report = new java.io.ByteArrayOutputStream();

  private CompletableFuture<Integer> startStreamingRun(String... paths) throws Exception {
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(writer, 1 << 16);
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> dev.imgdl.cli.Main.run(
        stdin, new java.io.PrintStream(report, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "-q", "--mode",
        "process", "-w", "1", "-o", dir.resolve("out").toString(), "--report", "-", "-"));
    stream(paths);
    return run;
  }

  private void stream(String... paths) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (String path : paths) {
      lines.append(server.baseUrl()).append(path).append('\n');
    }
    writer.write(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    writer.flush();
  }

  private JsonNode streamedResults() throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toByteArray())
        .get("results");
  }

  @Test
  void aChildKilledWhileTheListIsReadHasItsEntriesAndTheRestOfTheListRunInANewChild()
      throws Exception {
    CompletableFuture<Integer> run = startStreamingRun("/a.png", "/slow.png");
    killChildWhenSlowRequestNumber(1);
    // Planned after the first child died: the new child takes them.
    stream("/c.png", "/d.png");
    writer.close();

    assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
    JsonNode results = streamedResults();
    assertThat(results).hasSize(4);
    for (JsonNode r : results) {
      assertThat(r.get("status").asText()).isEqualTo("downloaded");
      assertThat(r.get("worker").asInt()).isZero();
    }
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/slow.png")))).hasSize(2);
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/a.png")))).hasSize(1);
  }

  @Test
  void entriesPlannedAfterTheSecondChildDiedFailWithItsReason() throws Exception {
    CompletableFuture<Integer> run = startStreamingRun("/a.png", "/slow.png");
    killChildWhenSlowRequestNumber(1);
    killChildWhenSlowRequestNumber(2);
    stream("/c.png", "/d.png");
    writer.close();

    assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    JsonNode results = streamedResults();
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    for (int i = 1; i < 4; i++) {
      assertThat(results.get(i).get("error").asText()).isEqualTo("worker 0 exited with code 137");
      assertThat(results.get(i).get("worker").asInt()).isZero();
    }
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/c.png")))).isEmpty();
    assertThat(Cli.files(dir.resolve("out"))).noneMatch(f -> f.startsWith(".imgdl-"));
  }
}
