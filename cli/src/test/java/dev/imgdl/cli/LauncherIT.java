package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build makes, {@code target/imgdl}: found through a symlink, it finds java
 * (IMGDL_JAVA, then JAVA_HOME, then PATH), passes IMGDL_JAVA_OPTS, and becomes the JVM itself,
 * so that signals and exit codes are the JVM's.
 */
class LauncherIT {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  @TempDir Path dir;
  private Process imgdl;

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.destroyForcibly();
    }
  }

  /** The launcher, through a symlink in a directory of its own, as on a PATH. */
  private Path linked() throws IOException {
    Path link = Files.createDirectories(dir.resolve("bin")).resolve("imgdl");
    if (!Files.isSymbolicLink(link)) {
      Files.createSymbolicLink(link,
          Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath());
    }
    return link;
  }

  private static String java(Path home) {
    return home.resolve("bin").resolve("java").toString();
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    return start(linked(), "", env, args);
  }

  /** The launcher {@code launcher}, its streams in stdout{tag}.txt and stderr{tag}.txt. */
  private Process start(Path launcher, String tag, Map<String, String> env, String... args)
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

  private String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8);
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  @Test
  void runsThroughASymlinkWithTheJavaOfImgdlJavaOrJavaHome() throws Exception {
    Path home = Path.of(System.getProperty("java.home"));
    imgdl = start(Map.of("IMGDL_JAVA", java(home), "JAVA_HOME", "/nonexistent"), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).startsWith("imgdl ").contains(System.getProperty("java.version"));

    imgdl = start(Map.of("JAVA_HOME", home.toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).contains(System.getProperty("java.version"));
  }

  @Test
  void aJavaThatIsNotThereIsAUsageErrorInOneLine() throws Exception {
    imgdl = start(Map.of("IMGDL_JAVA", dir.resolve("no-java").toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(2);
    assertThat(stderr().strip()).startsWith("imgdl: error: ").contains("no-java")
        .doesNotContain("\n");
  }

  @Test
  void theLauncherBecomesTheJvmWithItsOptionsAndHandsItTheSignals() throws Exception {
    server.stubFor(get(urlMatching("/slow/.*")).willReturn(aResponse()
        .withBody(Images.bigPng(200)).withChunkedDribbleDelay(50, 30_000)));
    Path list = Cli.list(dir, "l.txt", List.of(server.baseUrl() + "/slow/1.png"));
    Path report = dir.resolve("r.json");
    imgdl = start(Map.of("IMGDL_JAVA", java(Path.of(System.getProperty("java.home"))),
            "IMGDL_JAVA_OPTS", "-Dimgdl.marker=yes -Xmx200m"),
        "-o", dir.resolve("out").toString(), "--report", report.toString(), "--no-progress",
        list.toString());
    Await.until("the request in flight", Duration.ofSeconds(30),
        () -> server.findAll(getRequestedFor(urlMatching("/slow/.*"))).size() == 1);

    // exec: the process started is the JVM itself, with the launcher's and the user's options.
    List<String> arguments = List.of(imgdl.info().arguments().orElse(new String[0]));
    assertThat(imgdl.info().command().orElse("")).endsWith("/java");
    assertThat(arguments).contains("-XX:+UseSerialGC", "-Dimgdl.marker=yes", "-Xmx200m", "-jar");
    assertThat(arguments.indexOf("-Xmx200m")).isLessThan(arguments.indexOf("-jar"));

    new ProcessBuilder("kill", "-INT", String.valueOf(imgdl.pid())).start().waitFor();
    assertThat(imgdl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isEqualTo(130);
    assertThat(Cli.readJson(report).get("results").get(0).get("error").asText())
        .isEqualTo("interrupted");
  }

  @Test
  void eachJdkTrainsAStartUpArchiveOnFirstUseAndTheNextRunMapsItSilently() throws Exception {
    for (Path home : jdks()) {
      int feature = feature(home);
      Path cache = dir.resolve("cache-" + feature);
      Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", cache.toString());
      // The first run goes on without, and says nothing about the training behind it.
      imgdl = start(linked(), "", env, "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stdout()).startsWith("imgdl ");
      assertThat(stderr()).isEmpty();
      Path archive = awaitArchive(cache.resolve("imgdl"), feature);
      assertThat(archive.getFileName().toString())
          .startsWith("imgdl-" + feature + "-").endsWith(feature >= 25 ? ".aot" : ".jsa");

      // The next run maps it (the JVM's own log, asked for in a file, says so), silently.
      Path log = dir.resolve("share-" + feature + ".log");
      imgdl = start(linked(), "", Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", cache.toString(),
          "IMGDL_JAVA_OPTS", "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log),
          "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stdout()).startsWith("imgdl ");
      assertThat(stderr()).isEmpty();
      assertThat(Files.readString(log)).contains("Opened", archive.toString());
    }
  }

  @Test
  void aRebuiltJarGetsANewArchiveAndAGarbledOneIsIgnoredSilently() throws Exception {
    // Spaces in the launcher's and in the cache's path: each still one word to the JVM.
    Path app = Files.createDirectories(dir.resolve("app dir"));
    Path built = Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath();
    Path launcher = Files.copy(built, app.resolve("imgdl"));
    Path jar = Files.copy(built.resolveSibling("imgdl.jar"), app.resolve("imgdl.jar"));
    Path home = jdks().get(jdks().size() - 1);
    int feature = feature(home);
    Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
        "XDG_CACHE_HOME", dir.resolve("ca che").toString());
    Path cache = dir.resolve("ca che").resolve("imgdl");

    imgdl = start(launcher, "", env, "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path first = awaitArchive(cache, feature);

    // A rebuild (another time stamp) trains its own, which replaces the old build's.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - 3_600_000));
    imgdl = start(launcher, "", env, "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    Await.until("the new build's archive", Duration.ofSeconds(120), () -> !Files.exists(first)
        && archives(cache).size() == 1 && !archives(cache).get(0).equals(first));
    Path second = archives(cache).get(0);
    Path log = dir.resolve("share.log");
    imgdl = start(launcher, "", Map.of("IMGDL_JAVA", java(home), "XDG_CACHE_HOME",
        dir.resolve("ca che").toString(), "IMGDL_JAVA_OPTS",
        "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(Files.readString(log)).contains("Opened", second.toString());

    // A file that is no archive at all under its name: the run works and says nothing.
    Files.writeString(second, "not an archive");
    imgdl = start(launcher, "", env, "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).startsWith("imgdl ");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void twoFirstRunsAtOnceLeaveOneWholeArchiveAndNoTemporaryFile() throws Exception {
    Path home = jdks().get(jdks().size() - 1);
    Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
        "XDG_CACHE_HOME", dir.resolve("cache").toString());
    Process one = start(linked(), "1", env, "--version");
    Process two = start(linked(), "2", env, "--version");
    try {
      assertThat(one.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(two.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      one.destroyForcibly();
      two.destroyForcibly();
    }
    assertThat(one.exitValue()).isZero();
    assertThat(two.exitValue()).isZero();
    Path archive = awaitArchive(dir.resolve("cache").resolve("imgdl"), feature(home));
    assertThat(Files.readString(dir.resolve("stderr1.txt"))).isEmpty();
    assertThat(Files.readString(dir.resolve("stderr2.txt"))).isEmpty();

    Path log = dir.resolve("share.log");
    imgdl = start(Map.of("IMGDL_JAVA", java(home), "XDG_CACHE_HOME",
        dir.resolve("cache").toString(), "IMGDL_JAVA_OPTS",
        "-Xlog:" + (feature(home) >= 25 ? "aot" : "cds") + "=info:file=" + log), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log)).contains("Opened", archive.toString());
  }

  @Test
  void anUnwritableCacheDirectoryLeavesTheRunWithoutAnArchiveAndSilent() throws Exception {
    server.stubFor(get(urlMatching("/img/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(Images.png())));
    Path list = Cli.list(dir, "l.txt", List.of(server.baseUrl() + "/img/1.png"));
    // A file where the cache directory would be: even root cannot make a directory in it.
    Path notADirectory = Files.writeString(dir.resolve("cache-file"), "x");
    for (Path home : jdks()) {
      imgdl = start(linked(), "", Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", notADirectory.toString()),
          "-o", dir.resolve("out-" + feature(home)).toString(), "--no-progress", "-q",
          list.toString());
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stderr()).isEmpty();
      assertThat(dir.resolve("out-" + feature(home)).resolve("1.png")).isRegularFile();
    }
    assertThat(Files.readString(notADirectory)).isEqualTo("x");
  }

  @Test
  void processModeChildrenMapTheLaunchersArchive() throws Exception {
    server.stubFor(get(urlMatching("/img/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(Images.png())));
    Path list = Cli.list(dir, "l.txt", List.of(server.baseUrl() + "/img/1.png",
        server.baseUrl() + "/img/2.png"));
    for (Path home : jdks()) {
      int feature = feature(home);
      Path cache = dir.resolve("cache-" + feature);
      Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", cache.toString());
      imgdl = start(linked(), "", env, "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Path archive = awaitArchive(cache.resolve("imgdl"), feature);

      Path log = dir.resolve("child-" + feature + ".log");
      Path out = dir.resolve("out-" + feature);
      imgdl = start(linked(), "", env, "--mode", "process", "-w", "2", "--no-progress", "-q",
          "-o", out.toString(), "--child-java-options",
          "-XX:+UseSerialGC -Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log,
          list.toString());
      assertThat(imgdl.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(out.resolve("1.png")).isRegularFile();
      assertThat(out.resolve("2.png")).isRegularFile();
      assertThat(Files.readString(log)).contains("Opened", archive.toString());
    }
  }

  /** The one archive in {@code cache}, once its training is over (no lock, no temporary). */
  private static Path awaitArchive(Path cache, int feature) {
    String ext = feature >= 25 ? ".aot" : ".jsa";
    Await.until("the trained archive", Duration.ofSeconds(120), () -> {
      try (Stream<Path> files = Files.list(cache)) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        return names.size() == 1 && names.get(0).endsWith(ext);
      } catch (IOException e) {
        return false;
      }
    });
    return archives(cache).get(0);
  }

  private static List<Path> archives(Path cache) {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(p -> !Files.isDirectory(p)
          && p.getFileName().toString().matches("imgdl-.*\\.(aot|jsa)")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * This JVM, and a JDK 25 or newer installed beside it when this one is older, so that the
   * AOT-cache path is tested wherever such a JDK is present.
   */
  private static List<Path> jdks() throws IOException {
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
  private static int feature(Path home) throws IOException {
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
