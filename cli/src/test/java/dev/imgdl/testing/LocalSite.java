package dev.imgdl.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the command-line tests download from, and into: a WireMock server on 127.0.0.1 for the
 * test class, and a temporary folder for each test, deleted after it. Register it as {@code
 * @RegisterExtension static LocalSite server = LocalSite.onLoopback();}; a field initialiser such
 * as {@code Path dir = server.dir()} gets the folder of the test that is about to run.
 */
public final class LocalSite extends WireMockExtension {
  private Path dir;

  private LocalSite(WireMockConfiguration options) {
    super(extensionOptions().options(options));
  }

  /** A server with WireMock's usual number of request threads. */
  public static LocalSite onLoopback() {
    return new LocalSite(loopback());
  }

  /** A server that can hold {@code containerThreads} requests (less a few) at once. */
  public static LocalSite onLoopback(int containerThreads) {
    return new LocalSite(loopback().containerThreads(containerThreads));
  }

  private static WireMockConfiguration loopback() {
    return wireMockConfig().dynamicPort().bindAddress("127.0.0.1");
  }

  /**
   * The current test's folder, made on first use: the test instance is created before any
   * before-each callback runs, so field initialisers may ask for it.
   */
  public Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("imgdl-test-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  /** {@code out} in the test's folder, not created: imgdl makes its output directory. */
  public Path out() {
    return dir().resolve("out");
  }

  /** Writes {@code list.txt} in the test's folder, one line each. */
  public Path list(String... lines) {
    return list(List.of(lines));
  }

  /** Writes {@code list.txt} in the test's folder, one line each. */
  public Path list(List<String> lines) {
    return Cli.list(dir(), "list.txt", lines);
  }

  @Override
  protected void onAfterEach(ExtensionContext context, WireMockRuntimeInfo info) {
    if (dir == null) {
      return;
    }
    Path done = dir;
    dir = null;
    try (Stream<Path> all = Files.walk(done)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the test's folder " + done, e);
    }
  }
}
