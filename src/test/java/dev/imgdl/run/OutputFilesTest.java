package dev.imgdl.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report and the failed file, in both modes: written through new temporary files that no
 * planted link can redirect.
 */
class OutputFilesTest {
  private CannedHttpServer server;

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server = CannedHttpServer.start();
    server.respond("/a.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"),
        Images.png());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void linksPlantedAtTheOldTemporaryNamesAndAtTheTargetsRedirectNothing(String mode)
      throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    long pid = ProcessHandle.current().pid();
    Path reportLink = dir.resolve(".imgdl-report-" + pid + ".tmp");
    Path failedLink = dir.resolve(".imgdl-failed-" + pid + ".tmp");
    Files.createSymbolicLink(reportLink, victim);
    Files.createSymbolicLink(failedLink, victim);
    Path report = dir.resolve("report.json");
    Path failed = Files.createSymbolicLink(dir.resolve("failed.txt"), victim);
    Path list = Cli.list(dir, "l.txt", List.of(server.url("/a.png"), server.url("/no.png")));

    Cli.Outcome run = Cli.run("--mode", mode, "-q", "-o", dir.resolve("out").toString(),
        "--report", report.toString(), "--failed", failed.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(report)).isFalse();
    assertThat(Cli.readJson(report).get("summary").get("downloaded").asInt()).isEqualTo(1);
    assertThat(Files.isSymbolicLink(failed)).isFalse();
    assertThat(Files.readAllLines(failed)).containsExactly(server.url("/no.png"));
    assertThat(Files.readSymbolicLink(reportLink)).isEqualTo(victim);
    assertThat(Files.readSymbolicLink(failedLink)).isEqualTo(victim);
    assertThat(Cli.files(dir)).containsExactlyInAnyOrder("victim", "l.txt", "out", "report.json",
        "failed.txt", reportLink.getFileName().toString(), failedLink.getFileName().toString());
  }
}
