package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.TlsServer;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An https server with a self-signed certificate made by the test, in both worker modes. */
class TlsEndToEndTest {
  @TempDir Path dir;
  private TlsServer server;
  private Path list;
  private Path out;

  @BeforeEach
  void serveOverTls() {
    server = TlsServer.start(TlsServer.selfSigned()).serve("/a.png", Images.png());
    list = Cli.list(dir, "list.txt", List.of(server.url("/a.png")));
    out = dir.resolve("out");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cli.Outcome run(String mode, String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("-o", out.toString(), "--mode", mode,
        "--report", dir.resolve("report.json").toString()));
    args.addAll(List.of(options));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void selfSignedServerFailsWithTheFixAndOneAttempt(String mode) {
    Cli.Outcome run = run(mode);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains(server.url("/a.png")
        + ": certificate not trusted (self-signed): use --cacert FILE, or --insecure");
    JsonNode result = Cli.readJson(dir.resolve("report.json")).get("results").get(0);
    assertThat(result.get("attempts").asInt()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void cacertWithTheServersCertificateDownloadsOverHttp2(String mode) {
    Path pem = server.writePem(dir.resolve("server.pem"));
    Cli.Outcome run = run(mode, "--cacert", pem.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(out)).containsExactly("a.png");
    assertThat(server.versions()).containsExactly("HTTP/2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void insecureDownloadsAfterOneWarningLine(String mode) {
    Cli.Outcome run = run(mode, "--insecure");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(out)).containsExactly("a.png");
    assertThat(run.stderr().lines().findFirst())
        .hasValue("imgdl: warning: --insecure: certificates are not checked");
    assertThat(run.stderr().lines().filter(l -> l.contains("warning"))).hasSize(1);
  }

  @Test
  void cacertFileThatCannotBeReadIsAUsageErrorNamingIt() {
    Path missing = dir.resolve("missing.pem");
    Cli.Outcome run = run("thread", "--cacert", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly(
        "imgdl: error: --cacert " + missing + ": cannot be read (NoSuchFileException)");
    assertThat(out).doesNotExist();
  }

  @Test
  void cacertFileWithoutACertificateIsAUsageErrorNamingIt() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    Cli.Outcome run = run("process", "-k", "--cacert", empty.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: --cacert " + empty
        + ": no PEM certificate (-----BEGIN CERTIFICATE-----)");
  }

  @Test
  void cacertFileLargerThan16MiBIsAUsageErrorWithoutReadingIt() throws Exception {
    Path huge = dir.resolve("huge.pem");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(16L * 1024 * 1024 + 1);
    }
    Cli.Outcome run = run("thread", "--cacert", huge.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: --cacert " + huge
        + ": larger than 16 MiB, too large for a PEM file");
  }

  @Test
  void cacertThatIsAPipeIsAUsageErrorInsteadOfAWaitForEver() throws Exception {
    Path fifo = dir.resolve("ca.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    // Bounded: before the fix the run blocked in the open of a pipe that no one writes.
    Cli.Outcome run = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> run("thread", "--cacert", fifo.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: --cacert " + fifo
        + ": not a regular file (a pipe or a device cannot be used)");
  }
}
