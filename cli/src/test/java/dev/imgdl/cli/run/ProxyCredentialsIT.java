package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.ForwardProxy;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.TlsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forks the built jar at the highest verbosity, so that every log line of the parent and its
 * children reaches the real standard error: proxy credentials from the environment reach the
 * proxy, and no line printed or reported holds the password, in both modes.
 */
class ProxyCredentialsIT {
  private static final String SECRET = "pr0xy-s3cret";

  @TempDir Path dir;
  private ForwardProxy proxy;
  private TlsServer server;
  private Process imgdl;

  @BeforeEach
  void start() {
    proxy = ForwardProxy.start(Map.of("img.invalid", "127.0.0.1"));
    server = TlsServer.start(TlsServer.selfSigned("img.invalid")).serve("/a.png", Images.png());
  }

  @AfterEach
  void stop() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
    proxy.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void credentialsReachTheProxyAndNoLineEvenAtTrace(String mode) throws Exception {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("img.invalid", "/a.png"),
        server.url("img.invalid", "/missing.png")));
    Path report = dir.resolve("report.json");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("imgdl.jar"), "--no-progress", "-vvv", "--mode", mode,
        "--retries", "0", "--report", report.toString(),
        "--cacert", server.writePem(dir.resolve("server.pem")).toString(),
        "-o", dir.resolve("out").toString(), list.toString());
    builder.environment().put("HTTPS_PROXY", proxy.url("me:" + SECRET));
    Path stderr = dir.resolve("stderr.txt");
    imgdl = builder.redirectError(stderr.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);

    assertThat(imgdl.exitValue()).as(err).isEqualTo(1);
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png");
    assertThat(proxy.seen()).isNotEmpty().allSatisfy(seen ->
        assertThat(seen.proxyAuthorization()).startsWith("Basic "));
    assertThat(err).contains("HTTP 404").doesNotContain(SECRET);
    assertThat(Files.readString(report)).doesNotContain(SECRET);
    assertThat(Files.readString(dir.resolve("stdout.txt"))).doesNotContain(SECRET);
  }
}
