package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real jar on a pseudo-terminal (util-linux {@code script}), where the progress display
 * is on by default, and types Ctrl-C: the terminal's line discipline turns it into SIGINT for
 * imgdl's process group, exactly as at a person's shell.
 */
class TerminalIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final int ENTRIES = 9;

  private final Path dir = server.dir();
  private Process script;

  @BeforeEach
  void serveSlowImages() {
    server.stubFor(get("/fast.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get(urlMatching("/slow/.*"))
        .willReturn(aResponse().withBody(Images.bigPng(200))
            .withChunkedDribbleDelay(50, 30_000)));
  }

  @AfterEach
  void killLeftovers() {
    if (script != null && script.isAlive()) {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void ctrlCWithTheProgressDisplayOnWritesEverythingAndExits130(String mode) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is needed");
    List<String> lines = new ArrayList<>(List.of(server.baseUrl() + "/fast.png"));
    for (int i = 1; i < ENTRIES; i++) {
      lines.add(server.baseUrl() + "/slow/" + i + ".png");
    }
    Path list = Cli.list(dir, "list.txt", lines);
    Path out = dir.resolve("out");
    String imgdl = String.join(" ", javaBinary(), "-jar", System.getProperty("imgdl.jar"),
        "--mode", mode, "-w", "4", "-o", out.toString(), "--report",
        dir.resolve("report.json").toString(), "--failed", dir.resolve("failed.txt").toString(),
        list.toString());
    // -e: script exits with imgdl's code. Its standard input is our pipe; what we write to it
    // is typed on the terminal.
    script = Forked.builder("/usr/bin/script", "-q", "-e", "-c", imgdl, "/dev/null")
        .redirectOutput(dir.resolve("terminal.txt").toFile())
        .redirectErrorStream(true)
        .start();
    Await.until("4 downloads in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() >= 4);
    Await.until("the progress display", Duration.ofSeconds(10),
        () -> terminal().contains("img/s"));

    long typed = System.nanoTime();
    OutputStream keyboard = script.getOutputStream();
    keyboard.write(3);
    keyboard.flush();
    assertThat(script.waitFor(10, TimeUnit.SECONDS)).as("exited").isTrue();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - typed);

    String screen = terminal();
    assertThat(script.exitValue()).as(screen).isEqualTo(130);
    assertThat(millis).as("exit delay in ms").isLessThan(5_000);
    // The summary starts on a line of its own, after the last progress line.
    assertThat(screen).contains("\nimgdl: INTERRUPTED, " + ENTRIES + " entries");
    assertThat(screen).contains((ENTRIES - 1) + " entries interrupted");
    JsonNode results = Cli.readJson(dir.resolve("report.json")).get("results");
    assertThat(results).hasSize(ENTRIES);
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    for (int i = 1; i < ENTRIES; i++) {
      assertThat(results.get(i).get("error").asText()).isEqualTo("interrupted");
      assertThat(results.get(i).get("worker").asInt()).isEqualTo(i % 4);
    }
    assertThat(Files.readAllLines(dir.resolve("failed.txt"))).hasSize(ENTRIES - 1);
    assertThat(Cli.files(out)).containsExactly("fast.png");
  }

  private String terminal() {
    try {
      return Files.readString(dir.resolve("terminal.txt"), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
