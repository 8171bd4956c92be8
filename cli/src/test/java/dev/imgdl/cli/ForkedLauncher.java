package dev.imgdl.cli;

import dev.imgdl.testing.Forked;
import dev.imgdl.testing.LocalSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs of the launcher the build makes, {@code target/imgdl}, for its tests: through a symlink
 * as on a PATH, with none of the environment that steers it unless the test sets it, each
 * stream in a file of the test's directory; and the JDKs to run it on.
 */
abstract class ForkedLauncher {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  final Path dir = server.dir();
  Process imgdl;

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.destroyForcibly();
    }
  }

  /** The launcher, through a symlink in a directory of its own, as on a PATH. */
  Path linked() throws IOException {
    Path link = Files.createDirectories(dir.resolve("bin")).resolve("imgdl");
    if (!Files.isSymbolicLink(link)) {
      Files.createSymbolicLink(link,
          Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath());
    }
    return link;
  }

  /**
   * A copy of the launcher and its jar, linked as on a PATH, without the archive the build
   * trained beside the jar: for the tests of the launcher's own training.
   */
  Path linkedCopy() throws IOException {
    Path link = Files.createDirectories(dir.resolve("bin-copy")).resolve("imgdl");
    if (!Files.isSymbolicLink(link)) {
      Path built = Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath();
      Path app = Files.createDirectories(dir.resolve("app"));
      Files.copy(built, app.resolve("imgdl"));
      Files.copy(built.resolveSibling("imgdl.jar"), app.resolve("imgdl.jar"));
      Files.createSymbolicLink(link, app.resolve("imgdl"));
    }
    return link;
  }

  static String java(Path home) {
    return home.resolve("bin").resolve("java").toString();
  }

  Process start(Map<String, String> env, String... args) throws IOException {
    return start(linked(), "", env, args);
  }

  /** The launcher {@code launcher}, its streams in stdout{tag}.txt and stderr{tag}.txt. */
  Process start(Path launcher, String tag, Map<String, String> env, String... args)
      throws IOException {
    ProcessBuilder builder = Forked.builder(Stream.concat(Stream.of(launcher.toString()),
        Stream.of(args)).toList());
    builder.environment().remove("IMGDL_JAVA");
    builder.environment().remove("IMGDL_JAVA_OPTS");
    builder.environment().remove("JAVA_HOME");
    // No cache by default (a file where its directory would be), so that no training outlives
    // a test that is not about it; those that are name a cache directory of their own.
    Path noCache = dir.resolve("no-cache");
    if (!Files.exists(noCache)) {
      Files.writeString(noCache, "");
    }
    builder.environment().put("XDG_CACHE_HOME", noCache.toString());
    builder.environment().putAll(env);
    return builder.redirectOutput(dir.resolve("stdout" + tag + ".txt").toFile())
        .redirectError(dir.resolve("stderr" + tag + ".txt").toFile())
        .start();
  }

  String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
  }

  String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  /**
   * This JVM, and a JDK 25 or newer installed beside it when this one is older, so that the
   * AOT-cache path is tested wherever such a JDK is present.
   */
  static List<Path> jdks() throws IOException {
    Path self = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= 25) {
      return List.of(self);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        for (Path home : homes.sorted().toList()) {
          if (Files.isExecutable(home.resolve("bin/java")) && feature(home) >= 25) {
            return List.of(self, home);
          }
        }
      }
    }
    return List.of(self);
  }

  /** A JDK's feature version, from its release file; 0 when unknown. */
  static int feature(Path home) throws IOException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    String text = Files.readString(release);
    int at = text.indexOf("JAVA_VERSION=\"");
    if (at >= 0) {
      String version = text.substring(at + 14).split("[.\"]", 2)[0];
      if (version.matches("\\d+")) {
        return Integer.parseInt(version);
      }
    }
    return 0;
  }
}
