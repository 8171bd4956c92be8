package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher at its edges: a JVM that cannot start, a JDK's folder as IMGDL_JAVA, symlinks
 * whose names hold " -> ", and a standard input the caller closed (also without the launcher).
 */
class LauncherEdgesIT extends ForkedLauncher {
  private static final String JAVA_HOME = System.getProperty("java.home");

  @Test
  void aJvmThatCannotStartSaysSoOnStandardErrorAndLeavesStandardOutputToTheReport()
      throws Exception {
    imgdl = start(Map.of("IMGDL_JAVA_OPTS", "-Xmx1m"), "--report", "-", "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isNotZero();
    assertThat(stdout()).isEmpty();
    assertThat(stderr()).contains("Error occurred during initialization of VM");
  }

  @Test
  void aJdkFolderAsImgdlJavaStandsForItsJavaAndAnyOtherFolderIsOneLine() throws Exception {
    imgdl = start(Map.of("IMGDL_JAVA", JAVA_HOME), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).startsWith("imgdl ");

    imgdl = start(Map.of("IMGDL_JAVA", dir.toString()), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).isEqualTo(2);
    assertThat(stderr().strip()).startsWith("imgdl: error: ").contains("not an executable java")
        .doesNotContain("\n");
  }

  @Test
  void beforeJdk25TheJvmRunsC1OnlyUnlessTheCommandLineResizesImages() throws Exception {
    // A JDK 17 whose java prints the arguments the launcher hands it, one a line.
    Path home = Files.createDirectories(dir.resolve("jdk17"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();

    imgdl = start(Map.of("IMGDL_JAVA", home.toString()), "-o", "out", "list.txt");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout().lines()).as(stderr()).contains("-XX:TieredStopAtLevel=1", "list.txt");

    imgdl = start(Map.of("IMGDL_JAVA", home.toString()), "--resize", "256", "list.txt");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(stdout().lines()).as(stderr()).contains("--resize", "list.txt")
        .doesNotContain("-XX:TieredStopAtLevel=1");
  }

  @Test
  void symlinksWhoseNamesAndTargetsHoldAnArrowAreFollowedExactly() throws Exception {
    Path arrow = Files.createDirectories(dir.resolve("a -> b"));
    Files.createSymbolicLink(arrow.resolve("imgdl"), linked());
    Path bin = Files.createDirectories(dir.resolve("bin2"));
    Path link = Files.createSymbolicLink(bin.resolve("imgdl"), Path.of("../a -> b/imgdl"));
    imgdl = start(link, "", Map.of("IMGDL_JAVA", java(Path.of(JAVA_HOME))), "--version");
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stdout()).startsWith("imgdl ");
  }

  @Test
  void aClosedStandardInputIsNoInputThroughTheLauncherAndWithoutIt() throws Exception {
    String jar = Path.of(System.getProperty("imgdl.jar")).toAbsolutePath().toString();
    for (List<String> command : List.of(List.of(linked().toString()),
        List.of(java(Path.of(JAVA_HOME)), "-jar", jar))) {
      int code = closedStdin(command, "-o", dir.resolve("out").toString());
      assertThat(code).as(stderr()).isEqualTo(2);
      assertThat(stderr().strip()).isEqualTo(
          "imgdl: error: no input: standard input is closed; give a FILE of URLs");
      assertThat(stdout()).isEmpty();
    }
    // A list named on the command line does not need standard input.
    Path list = Cli.list(dir, "empty.txt", List.of("# nothing yet"));
    int code = closedStdin(List.of(linked().toString()), "-q", "-o",
        dir.resolve("out").toString(), list.toString());
    assertThat(code).as(stderr()).isZero();
  }

  /** Runs {@code command args} with its standard input closed; its exit code. */
  private int closedStdin(List<String> command, String... args) throws Exception {
    List<String> shell = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" <&-", "sh"));
    shell.addAll(command);
    shell.addAll(List.of(args));
    ProcessBuilder builder = Forked.builder(shell);
    builder.environment().remove("IMGDL_JAVA");
    builder.environment().remove("IMGDL_JAVA_OPTS");
    Path noCache = dir.resolve("no-cache");
    if (!Files.exists(noCache)) {
      Files.writeString(noCache, "");
    }
    builder.environment().put("XDG_CACHE_HOME", noCache.toString());
    imgdl = builder.redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return imgdl.exitValue();
  }
}
