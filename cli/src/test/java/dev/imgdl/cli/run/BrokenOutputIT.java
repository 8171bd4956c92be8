package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forks the built jar with {@code --report -} into a standard output that fails: a full device,
 * a pipe closed early, a closed descriptor. The report is lost, so the run must say so on
 * standard error and exit 1 (130 when interrupted), with the failed file and summary still
 * written.
 */
class BrokenOutputIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  /** Entries of the list: one image and its duplicates, a report far larger than a pipe. */
  private static final int ENTRIES = 1_000;

  private final Path dir = server.dir();
  private Process imgdl;

  @BeforeEach
  void serve() {
    server.stubFor(get("/ok.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get(urlMatching("/slow/.*"))
        .willReturn(aResponse().withBody(Images.bigPng(200)).withChunkedDribbleDelay(50, 30_000)));
  }

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  private List<String> command(String mode, String... options) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ENTRIES; i++) {
      lines.add(server.baseUrl() + "/ok.png");
    }
    Path list = server.list(lines);
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
        System.getProperty("imgdl.jar"), "--mode", mode, "-w", "2", "--no-progress", "-o",
        server.out().toString(), "--report", "-", "--failed",
        dir.resolve("failed.txt").toString()));
    command.addAll(List.of(options));
    command.add(list.toString());
    return command;
  }

  private String stderr() throws Exception {
    return Files.readString(dir.resolve("stderr.txt"));
  }

  private void assertLostReportWasReported(String cause) throws Exception {
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isEqualTo(1);
    assertThat(stderr())
        .contains("imgdl: error: cannot write report to standard output: " + cause + "\n")
        .contains("imgdl: " + ENTRIES + " entries: 1 downloaded, 0 skipped, 0 failed");
    assertThat(dir.resolve("failed.txt")).exists().isEmptyFile();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aReportToAFullDeviceIsAnError(String mode) throws Exception {
    imgdl = Forked.builder(command(mode))
        .redirectOutput(new File("/dev/full"))
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    assertLostReportWasReported("No space left on device");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aReportIntoAPipeClosedEarlyIsAnError(String mode) throws Exception {
    imgdl = Forked.builder(command(mode))
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try (InputStream report = imgdl.getInputStream()) {
      assertThat(report.readNBytes(50)).hasSize(50);
    }
    assertLostReportWasReported("Broken pipe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aReportToAClosedStandardOutputIsAnError(String mode) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" >&-", "sh"));
    command.addAll(command(mode));
    imgdl = Forked.builder(command)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    assertLostReportWasReported("Bad file descriptor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anInterruptedRunStillExits130AndCountsItsInterruptedEntriesWithoutListingThem(
      String mode) throws Exception {
    List<String> lines = List.of(server.baseUrl() + "/ok.png", server.baseUrl() + "/slow/1.png",
        server.baseUrl() + "/slow/2.png", server.baseUrl() + "/slow/3.png");
    Path list = Cli.list(dir, "slow.txt", lines);
    imgdl = Forked.builder(javaBinary(), "-jar", System.getProperty("imgdl.jar"), "--mode",
        mode, "-w", "3", "-q", "-o", dir.resolve("out").toString(), "--report", "-",
        list.toString())
        .redirectOutput(new File("/dev/full"))
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    Await.until("3 slow downloads in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() == 3);
    new ProcessBuilder("kill", "-s", "INT", String.valueOf(imgdl.pid())).start().waitFor();

    assertThat(imgdl.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isEqualTo(130);
    assertThat(stderr()).isEqualTo("3 entries interrupted\n"
        + "imgdl: error: cannot write report to standard output: No space left on device\n");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
