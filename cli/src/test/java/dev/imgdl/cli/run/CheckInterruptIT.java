package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code --check} run of the built jar, stopped by SIGINT while the server holds its bodies:
 * it exits 130 with its report, and its working directory holds nothing but the report and the
 * failed list (no output directory, no temporary file), whatever the worker mode.
 */
class CheckInterruptIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final int ENTRIES = 12;

  private final Path dir = server.dir();
  private Process imgdl;

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anInterruptedCheckLeavesOnlyItsReportAndExits130(String mode) throws Exception {
    server.stubFor(get("/fast.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get(urlMatching("/slow/.*")).willReturn(aResponse()
        .withBody(Images.bigPng(200)).withChunkedDribbleDelay(50, 30_000)));
    List<String> lines = new ArrayList<>(List.of(server.baseUrl() + "/fast.png"));
    for (int i = 1; i < ENTRIES; i++) {
      lines.add(server.baseUrl() + "/slow/" + i + ".png");
    }
    Path list = server.list(lines);
    Path work = Files.createDirectory(dir.resolve("work"));
    imgdl = Forked.builder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            System.getProperty("imgdl.jar"), "--check", "--mode", mode, "-w", "4",
            "--report", "report.json", "--failed", "failed.txt", "--no-progress",
            list.toString()))
        .directory(work.toFile())
        .redirectError(dir.resolve("stderr.txt").toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    Await.until("4 bodies in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() >= 4);
    List<ProcessHandle> family = imgdl.descendants().toList();
    assertThat(Cli.files(work)).as("while the bodies stream").isEmpty();

    new ProcessBuilder("kill", "-s", "INT", String.valueOf(imgdl.pid())).start().waitFor();

    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertThat(imgdl.exitValue()).as(stderr).isEqualTo(130);
    assertThat(Cli.files(work)).containsExactly("failed.txt", "report.json");
    JsonNode report = Cli.readJson(work.resolve("report.json"));
    JsonNode results = report.get("results");
    assertThat(results).hasSize(ENTRIES);
    assertThat(results.get(0).get("status").asText()).isEqualTo("checked");
    for (int i = 1; i < ENTRIES; i++) {
      assertThat(results.get(i).get("status").asText()).isEqualTo("failed");
      assertThat(results.get(i).get("error").asText()).isEqualTo("interrupted");
    }
    assertThat(report.get("summary").get("checked").asInt()).isEqualTo(1);
    assertThat(Files.readAllLines(work.resolve("failed.txt"))).hasSize(ENTRIES - 1);
    assertThat(stderr).contains("INTERRUPTED, 12 entries: 1 checked");
    for (ProcessHandle p : family) {
      Await.until("child " + p.pid() + " ended", Duration.ofSeconds(5), () -> !p.isAlive());
    }
  }
}
