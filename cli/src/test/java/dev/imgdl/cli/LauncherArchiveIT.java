package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's start-up archive ({@code target/imgdl}): trained in the background on first
 * use, mapped by the next run and by process-mode children, one per JDK and build, and never a
 * word about it on the user's streams, on the JDK of the build and on a JDK 25+ when installed.
 */
class LauncherArchiveIT extends ForkedLauncher {
  @Test
  void theArchiveTheBuildTrainedIsMappedFromTheFirstRunWithNoTrainingOfItsOwn() throws Exception {
    int feature = Runtime.version().feature();
    Path built = Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath()
        .resolveSibling("imgdl-" + feature + (feature >= 25 ? ".aot" : ".jsa"));
    assertThat(built).as("the build's archive").isRegularFile();
    Path cache = dir.resolve("cache");
    Path log = dir.resolve("share.log");

    imgdl = start(linked(), "", Map.of("XDG_CACHE_HOME", cache.toString(),
        "IMGDL_JAVA_OPTS", "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log),
        "--version");

    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stderr()).isEmpty();
    assertThat(Files.readString(log)).contains("Opened", built.toString());
    assertThat(cache).as("no training, no cache").doesNotExist();
  }

  @Test
  void eachJdkTrainsAStartUpArchiveOnFirstUseAndTheNextRunMapsItSilently() throws Exception {
    for (Path home : jdks()) {
      int feature = feature(home);
      Path cache = dir.resolve("cache-" + feature);
      Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", cache.toString());
      // The first run goes on without, and says nothing about the training behind it.
      imgdl = start(linkedCopy(), "", env, "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stdout()).startsWith("imgdl ");
      assertThat(stderr()).isEmpty();
      Path archive = awaitArchive(cache.resolve("imgdl"), feature);
      assertThat(archive.getFileName().toString())
          .startsWith("imgdl-" + feature + "-").endsWith(feature >= 25 ? ".aot" : ".jsa");

      // The next run maps it (the JVM's own log, asked for in a file, says so), silently.
      Path log = dir.resolve("share-" + feature + ".log");
      imgdl = start(linkedCopy(), "", Map.of("IMGDL_JAVA", java(home),
          "XDG_CACHE_HOME", cache.toString(),
          "IMGDL_JAVA_OPTS", "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log),
          "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stdout()).startsWith("imgdl ");
      assertThat(stderr()).isEmpty();
      assertThat(Files.readString(log)).contains("Opened", archive.toString())
          .doesNotContain("Mismatched");
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
  void theOptionalParquetJarPutBesideTheJarGetsAnArchiveOfItsOwnThatIsMapped()
      throws Exception {
    // On the class path through imgdl.jar's Class-Path: JDK 25 refuses an archive trained
    // without it once it is there.
    Path app = Files.createDirectories(dir.resolve("app"));
    Path built = Path.of(System.getProperty("imgdl.launcher")).toAbsolutePath();
    Path launcher = Files.copy(built, app.resolve("imgdl"));
    Files.copy(built.resolveSibling("imgdl.jar"), app.resolve("imgdl.jar"));
    Path home = jdks().get(jdks().size() - 1);
    int feature = feature(home);
    Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
        "XDG_CACHE_HOME", dir.resolve("cache").toString());
    Path cache = dir.resolve("cache").resolve("imgdl");
    imgdl = start(launcher, "", env, "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Path without = awaitArchive(cache, feature);

    Files.copy(built.resolveSibling("imgdl-parquet.jar"), app.resolve("imgdl-parquet.jar"));
    imgdl = start(launcher, "", env, "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    Await.until("the archive with the optional jar", Duration.ofSeconds(120),
        () -> !Files.exists(without) && archives(cache).size() == 1
            && !archives(cache).get(0).equals(without));

    Path with = archives(cache).get(0);
    Path log = dir.resolve("share.log");
    imgdl = start(launcher, "", Map.of("IMGDL_JAVA", java(home), "XDG_CACHE_HOME",
        dir.resolve("cache").toString(), "IMGDL_JAVA_OPTS",
        "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(Files.readString(log)).contains("Opened", with.toString())
        .doesNotContain("mismatch");
  }

  @Test
  void twoFirstRunsAtOnceLeaveOneWholeArchiveAndNoTemporaryFile() throws Exception {
    Path home = jdks().get(jdks().size() - 1);
    Map<String, String> env = Map.of("IMGDL_JAVA", java(home),
        "XDG_CACHE_HOME", dir.resolve("cache").toString());
    Process one = start(linkedCopy(), "1", env, "--version");
    Process two = start(linkedCopy(), "2", env, "--version");
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
    imgdl = start(linkedCopy(), "", Map.of("IMGDL_JAVA", java(home), "XDG_CACHE_HOME",
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
      imgdl = start(linkedCopy(), "", Map.of("IMGDL_JAVA", java(home),
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
      imgdl = start(linkedCopy(), "", env, "--version");
      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Path archive = awaitArchive(cache.resolve("imgdl"), feature);

      Path log = dir.resolve("child-" + feature + ".log");
      Path out = dir.resolve("out-" + feature);
      imgdl = start(linkedCopy(), "", env, "--mode", "process", "-w", "2", "--no-progress", "-q",
          "-o", out.toString(), "--child-java-options",
          "-XX:+UseSerialGC -Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log,
          list.toString());
      assertThat(imgdl.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(out.resolve("1.png")).isRegularFile();
      assertThat(out.resolve("2.png")).isRegularFile();
      // Mapped with the options it was made with (a JDK 25 AOT cache refuses others).
      assertThat(Files.readString(log)).contains("Opened", archive.toString())
          .doesNotContain("Mismatched");
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
}
