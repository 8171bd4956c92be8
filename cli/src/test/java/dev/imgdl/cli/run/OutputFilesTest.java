package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report and the failed file, in both modes: written through new temporary files that no
 * planted link can redirect, and when one cannot be written, an error that names it while the
 * other file and the summary still come.
 */
class OutputFilesTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.png("/a.png");
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

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aReportThatCannotBeWrittenIsAnErrorButTheFailedFileAndSummaryStillCome(String mode)
      throws Exception {
    Path gone = Files.createDirectory(dir.resolve("gone"));
    Path report = gone.resolve("report.json");
    Path failed = dir.resolve("failed.txt");
    Cli.Outcome run = runWhileDeleting(gone, "--mode", mode, "--report", report.toString(),
        "--failed", failed.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("imgdl: error: cannot write report " + report + ": No such file or directory\n")
        .contains("imgdl: 1 entries: 1 downloaded");
    assertThat(failed).exists().isEmptyFile();
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("slow.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aFailedFileThatCannotBeWrittenIsAnErrorButTheReportStillComes(String mode)
      throws Exception {
    Path gone = Files.createDirectory(dir.resolve("gone"));
    Path report = dir.resolve("report.json");
    Path failed = gone.resolve("failed.txt");
    Cli.Outcome run = runWhileDeleting(gone, "--mode", mode, "-q", "--report", report.toString(),
        "--failed", failed.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).isEqualTo(
        "imgdl: error: cannot write failed list " + failed + ": No such file or directory\n");
    assertThat(Cli.readJson(report).get("summary").get("downloaded").asInt()).isEqualTo(1);
  }

  /**
   * Runs imgdl on one entry whose response the server holds, deletes {@code doomed} while the
   * download is in flight, then lets the response go.
   */
  private Cli.Outcome runWhileDeleting(Path doomed, String... options) throws Exception {
    server.respond("/slow.png", "HTTP/1.1 200 OK", List.of(), Images.png());
    CountDownLatch hold = server.hold("/slow.png");
    Path list = Cli.list(dir, "l.txt", List.of(server.url("/slow.png")));
    List<String> args = new java.util.ArrayList<>(List.of(options));
    args.addAll(List.of("-o", dir.resolve("out").toString(), list.toString()));
    CompletableFuture<Cli.Outcome> run =
        CompletableFuture.supplyAsync(() -> Cli.run(args.toArray(String[]::new)));
    Await.until("the download in flight", Duration.ofSeconds(30),
        () -> server.requests("/slow.png") == 1);
    Files.delete(doomed);
    hold.countDown();
    return run.get(60, TimeUnit.SECONDS);
  }
}
