package dev.imgdl.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The package and the tarball of one build, unpacked: made by {@code dist/build.sh} (the script
 * of profile {@code dist}) unless that profile already made them in this build, then unpacked
 * with {@code dpkg-deb -x} and {@code tar}. Tests that need tools this machine lacks are skipped,
 * saying which.
 */
final class Distribution {
  /** The root of the unpacked package (its {@code usr/}) and the tarball's top folder. */
  final Path debRoot;
  final Path tarRoot;
  final Path deb;

  private Distribution(Path deb, Path debRoot, Path tarRoot) {
    this.deb = deb;
    this.debRoot = debRoot;
    this.tarRoot = tarRoot;
  }

  /** Builds (or takes) the packages and unpacks them in {@code into}. */
  static Distribution unpacked(Path into) throws Exception {
    Path jdk = Path.of(System.getProperty("dist.jdk"));
    assume(Files.isExecutable(jdk.resolve("bin/jlink")), "no jlink in " + jdk);
    for (String tool : List.of("dpkg-deb", "dpkg-shlibdeps")) {
      assume(onPath(tool), "no " + tool + " on PATH (Debian: dpkg-dev)");
    }
    String prebuilt = System.getProperty("dist.prebuilt", "");
    Path packages = !prebuilt.isEmpty() && Files.isDirectory(Path.of(prebuilt))
        ? Path.of(prebuilt) : build(jdk);
    Path deb = only(packages, "imgdl_", "_amd64.deb");
    Path tarball = only(packages, "imgdl-", "-linux-x64.tar.gz");
    Path debRoot = Files.createDirectories(into.resolve("deb"));
    run(List.of("dpkg-deb", "-x", deb.toString(), debRoot.toString()));
    Path tar = Files.createDirectories(into.resolve("tar"));
    run(List.of("tar", "-xzf", tarball.toString(), "-C", tar.toString()));
    String version = System.getProperty("dist.version");
    return new Distribution(deb, debRoot, tar.resolve("imgdl-" + version));
  }

  /** The value of a field of the package's control file. */
  String field(String name) throws Exception {
    return run(List.of("dpkg-deb", "--field", deb.toString(), name)).strip();
  }

  private static Path build(Path jdk) throws Exception {
    Path work = Files.createDirectories(Path.of(System.getProperty("dist.work")));
    Path log = work.resolve("build.log");
    Process build = new ProcessBuilder("bash", System.getProperty("dist.script"),
        "--jdk", jdk.toString(), "--version", System.getProperty("dist.version"),
        "--maintainer", System.getProperty("dist.maintainer"),
        "--from", System.getProperty("dist.from"), "--to", work.resolve("packages").toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("the build within 15 minutes").isTrue();
    assertThat(build.exitValue()).as(Files.readString(log)).isZero();
    return work.resolve("packages");
  }

  private static Path only(Path dir, String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(suffix)).toList();
      assertThat(found).as(prefix + "*" + suffix + " in " + dir).hasSize(1);
      return found.get(0);
    }
  }

  /**
   * Runs {@code command} to its end; its standard output (standard error apart, so that a
   * complaint there cannot pass for output), or a failed assertion that shows both.
   */
  static String run(List<String> command) throws Exception {
    Path errors = Files.createTempFile("imgdl-dist-", ".txt");
    try {
      Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue())
          .as(String.join(" ", command) + ": " + out + Files.readString(errors)).isZero();
      return out;
    } finally {
      Files.delete(errors);
    }
  }

  static boolean onPath(String tool) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "")
        .split(File.pathSeparator)));
    return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
  }

  /** Skips the tests, and says why where a build log shows it. */
  private static void assume(boolean condition, String reason) {
    if (!condition) {
      System.out.println("DistributionIT skipped: " + reason);
    }
    Assumptions.assumeTrue(condition, reason);
  }
}
