package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.TlsServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forks the built jar with {@code -Djavax.net.ssl.trustStore} naming a PKCS12 trust store that
 * holds a self-signed server's certificate: the JVM property reaches process-mode children, so
 * both modes download, and without it both fail.
 */
class TrustStoreIT {
  @TempDir Path dir;
  private TlsServer server;
  private Process imgdl;

  @BeforeEach
  void serveOverTls() {
    server = TlsServer.start(TlsServer.selfSigned()).serve("/a.png", Images.png());
  }

  @AfterEach
  void stop() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
    server.close();
  }

  private Path trustStore() throws Exception {
    Path pem = server.writePem(dir.resolve("server.pem"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("server",
        dev.imgdl.core.net.CaCertificates.read(pem).get(0));
    Path file = dir.resolve("trust store.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    return file;
  }

  private int run(String mode, List<String> jvmOptions) throws Exception {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/a.png")));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", System.getProperty("imgdl.jar"), "--no-progress",
        "--mode", mode, "-w", "1", "-o", dir.resolve("out-" + mode).toString(), list.toString()));
    Path stderr = dir.resolve("stderr.txt");
    imgdl = new ProcessBuilder(command).redirectError(stderr.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    lastStderr = Files.readString(stderr, StandardCharsets.UTF_8);
    return imgdl.exitValue();
  }

  private String lastStderr;

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theParentsTrustStorePropertyReachesEveryWorker(String mode) throws Exception {
    Path store = trustStore();
    int code = run(mode, List.of("-Djavax.net.ssl.trustStore=" + store,
        "-Djavax.net.ssl.trustStorePassword=changeit",
        "-Djavax.net.ssl.trustStoreType=PKCS12"));

    assertThat(code).as(lastStderr).isZero();
    assertThat(Cli.files(dir.resolve("out-" + mode))).containsExactly("a.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void withoutTheTrustStoreTheSelfSignedServerIsRefused(String mode) throws Exception {
    int code = run(mode, List.of());

    assertThat(code).isEqualTo(1);
    assertThat(lastStderr).contains("certificate not trusted (self-signed)");
  }
}
