package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forks the built jar and interrupts it mid-run: it must exit 130 within a couple of seconds
 * with a complete report, no temporary file and no child process left.
 */
class InterruptIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final int ENTRIES = 12;

  private final Path dir = server.dir();
  private final Path out = server.out();
  private Process imgdl;

  @BeforeEach
  void serveSlowImages() {
    byte[] big = Images.bigPng(200);
    server.stubFor(get("/fast.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(
        get(urlMatching("/slow/.*"))
            .willReturn(aResponse().withBody(big).withChunkedDribbleDelay(50, 30_000)));
  }

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  private List<ProcessHandle> start(String mode) throws IOException {
    List<String> lines = new ArrayList<>(List.of(server.baseUrl() + "/fast.png"));
    for (int i = 1; i < ENTRIES; i++) {
      lines.add(server.baseUrl() + "/slow/" + i + ".png");
    }
    Path list = server.list(lines);
    List<String> command = new ArrayList<>(List.of(
        javaBinary(), "-jar", System.getProperty("imgdl.jar"), "--mode", mode, "-w", "4",
        "-o", out.toString(), "--report", dir.resolve("report.json").toString(),
        "--failed", dir.resolve("failed.txt").toString(), "--no-progress", list.toString()));
    imgdl = Forked.builder(command)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    Await.until("4 downloads in flight", Duration.ofSeconds(30),
        () -> server.findAll(com.github.tomakehurst.wiremock.client.WireMock
            .getRequestedFor(urlMatching("/slow/.*"))).size() >= 4);
    Await.until("a temporary file", Duration.ofSeconds(10), this::hasTempFile);
    List<ProcessHandle> family = new ArrayList<>(imgdl.descendants().toList());
    if (mode.equals("process")) {
      assertThat(family).isNotEmpty();
    }
    return family;
  }

  private boolean hasTempFile() {
    return Files.isDirectory(out) && Cli.files(out).stream().anyMatch(f -> f.startsWith(".imgdl-"));
  }

  private void signal(String name) throws Exception {
    new ProcessBuilder("kill", "-s", name, String.valueOf(imgdl.pid())).start().waitFor();
  }

  @ParameterizedTest
  @CsvSource({"thread,INT", "thread,TERM", "process,INT", "process,TERM"})
  void signalCancelsWritesEverythingAndExits130(String mode, String signal) throws Exception {
    List<ProcessHandle> family = start(mode);
    long sent = System.nanoTime();
    signal(signal);
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

    assertThat(imgdl.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isEqualTo(130);
    assertThat(millis).as("exit delay in ms").isLessThan(5_000);
    JsonNode report = Cli.readJson(dir.resolve("report.json"));
    JsonNode results = report.get("results");
    assertThat(results).hasSize(ENTRIES);
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    int interrupted = 0;
    for (JsonNode r : results) {
      if (r.get("status").asText().equals("failed")) {
        assertThat(r.get("error").asText()).isEqualTo("interrupted");
        interrupted++;
      }
    }
    assertThat(interrupted).isEqualTo(ENTRIES - 1);
    assertThat(Files.readAllLines(dir.resolve("failed.txt"))).hasSize(ENTRIES - 1);
    assertThat(Cli.files(out)).containsExactly("fast.png");
    assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("INTERRUPTED");
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(5), () -> !p.isAlive());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void interruptWakesWorkersWaitingToRetry(String mode) throws Exception {
    interruptWakesWorkersWaitingToRetry(mode, List.of());
  }

  @Test
  void interruptWakesEveryChunkOfAChildThatRunsSeveral() throws Exception {
    interruptWakesWorkersWaitingToRetry("process", List.of("--processes", "1"));
  }

  private void interruptWakesWorkersWaitingToRetry(String mode, List<String> options)
      throws Exception {
    server.stubFor(get(urlMatching("/busy/.*"))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "60")));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(server.baseUrl() + "/busy/" + i + ".png");
    }
    Path list = Cli.list(dir, "busy.txt", lines);
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
        System.getProperty("imgdl.jar"), "--mode", mode, "-w", "4", "--deadline", "5m", "-vv",
        "-o", out.toString(), "--report", dir.resolve("report.json").toString(),
        "--no-progress", list.toString()));
    command.addAll(command.size() - 1, options);
    imgdl = Forked.builder(command)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    // The client's own log, not the server's: the server has answered before the client has
    // read the answer, and an interrupt in between finds the request still in flight.
    Await.until("4 answers of 503 read by imgdl", Duration.ofSeconds(30),
        () -> stderr().lines().filter(l -> l.contains("/busy/") && l.endsWith("-> 503"))
            .count() >= 4);
    long sent = System.nanoTime();
    signal("INT");
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(130);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(5_000);
    JsonNode results = Cli.readJson(dir.resolve("report.json")).get("results");
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      assertThat(r.get("error").asText()).isEqualTo("interrupted");
      // Reported by the worker itself, which knew of the 503, not filled in by the parent.
      assertThat(r.get("httpStatus").asInt()).isEqualTo(503);
      assertThat(r.get("attempts").asInt()).isEqualTo(1);
      assertThat(r.get("worker").asInt()).isEqualTo(i % 4);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void secondInterruptExitsAtOnceWithoutTemporaryFiles(String mode) throws Exception {
    List<ProcessHandle> family = start(mode);
    signal("INT");
    signal("INT");
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(130);
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(5), () -> !p.isAlive());
    }
    assertThat(Cli.files(out)).noneMatch(f -> f.startsWith(".imgdl-"));
  }

  @Test
  void childrenEndWhenTheParentIsKilled() throws Exception {
    List<ProcessHandle> family = start("process");
    imgdl.destroyForcibly();
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(10), () -> !p.isAlive());
    }
    Await.until("temporary files removed by the children", Duration.ofSeconds(10),
        () -> !hasTempFile());
  }

  private static List<ProcessHandle> children(Process parent) {
    return parent.descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("ChildMain"))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void stoppedChildIsEndedWhenTheParentIsInterrupted(String signal) throws Exception {
    List<ProcessHandle> family = start("process");
    ProcessHandle stopped = children(imgdl).get(0);
    new ProcessBuilder("kill", "-STOP", String.valueOf(stopped.pid())).start().waitFor();
    long sent = System.nanoTime();
    signal(signal);
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(130);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(5_000);
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(5), () -> !p.isAlive());
    }
    assertThat(Cli.readJson(dir.resolve("report.json")).get("results")).hasSize(ENTRIES);
    assertThat(Cli.files(out)).containsExactly("fast.png");
  }

  @Test
  void childThatNeverReadsItsChunkIsEndedByTheInterrupt() throws Exception {
    // A child paused at start-up never reads its input, so the parent's hand-over of a chunk
    // larger than a pipe holds blocks: the child must be known to the parent from its spawn.
    // The interrupt comes once the whole list is planned (-v logs it), the sender then blocked.
    int entries = 3_000;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      lines.add(server.baseUrl() + "/slow/a-rather-long-name-to-fill-the-pipe-sooner-" + i
          + ".png");
    }
    Path list = Cli.list(dir, "list.txt", lines);
    imgdl = Forked.builder(javaBinary(), "-jar", System.getProperty("imgdl.jar"),
        "--mode", "process", "-w", "1", "-v", "--child-java-options",
        "-XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup", "-o", out.toString(),
        "--report", dir.resolve("report.json").toString(), "--no-progress", list.toString())
        .directory(dir.toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    Await.until("a child paused at start-up", Duration.ofSeconds(30),
        () -> children(imgdl).stream()
            .anyMatch(c -> Files.exists(dir.resolve("vm.paused." + c.pid()))));
    Await.until("the list planned", Duration.ofSeconds(30),
        () -> stderr().contains("INFO Run: " + entries + " entries planned in "));
    List<ProcessHandle> family = children(imgdl);
    long sent = System.nanoTime();
    signal("TERM");
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(130);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(5_000);
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(5), () -> !p.isAlive());
    }
    JsonNode results = Cli.readJson(dir.resolve("report.json")).get("results");
    assertThat(results).hasSize(entries);
    for (JsonNode r : results) {
      assertThat(r.get("error").asText()).isEqualTo("interrupted");
      assertThat(r.get("worker").asInt()).isZero();
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void interruptWhileStandardInputIsOpenWritesWhatWasReadAndExitsAtOnce() throws Exception {
    imgdl = Forked.builder(javaBinary(), "-jar", System.getProperty("imgdl.jar"), "-w", "3",
        "-o", out.toString(), "--report", dir.resolve("report.json").toString(),
        "--no-progress", "-")
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    int written = 20_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < written; i++) {
      text.append(server.baseUrl()).append("/slow/").append(i).append(".png\n");
    }
    // The write returns once imgdl has read all but a pipe's worth (64 KiB): it is planning,
    // and has planned every line but those of its last read (64 KiB at most) and the pipe's.
    int shortestLine = (server.baseUrl() + "/slow/0.png\n").length();
    int leastPlanned = written - 2 * 65_536 / shortestLine - 1;
    OutputStream stdin = imgdl.getOutputStream();
    stdin.write(text.toString().getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    long sent = System.nanoTime();
    signal("TERM");
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(130);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isLessThan(5_000);

    JsonNode report = Cli.readJson(dir.resolve("report.json"));
    assertThat(report.get("interrupted").asBoolean()).isTrue();
    JsonNode results = report.get("results");
    assertThat(results.size()).isBetween(leastPlanned, written);
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      assertThat(r.get("line").asInt()).isEqualTo(i + 1);
      assertThat(r.get("error").asText()).isEqualTo("interrupted");
      assertThat(r.get("worker").asInt()).isEqualTo(i % 3);
    }
    assertThat(report.get("summary").get("failed").asInt()).isEqualTo(results.size());
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertThat(stderr).contains(String.format("%,d entries interrupted", results.size()));
    assertThat(stderr.lines()).hasSizeLessThan(20);
    // Requests leave while the list is read (the server holds them): none was completed.
    assertThat(Cli.files(out)).isEmpty();
  }

  private String stderr() {
    try {
      return Files.readString(dir.resolve("stderr.txt"));
    } catch (IOException e) {
      return "";
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
