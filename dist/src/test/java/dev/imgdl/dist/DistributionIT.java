package dev.imgdl.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.ParquetFiles;
import dev.imgdl.testing.TlsServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The distribution as a user gets it ({@link Distribution}: built once, unpacked), each way of
 * installing it run as {@code imgdl} with no java on PATH and no JAVA_HOME, from another folder:
 * its version, a download over TLS from a Parquet list, process mode with children on the bundled
 * runtime interrupted by SIGINT, the start-up archive mapped; and the package's layout, control
 * file, man page and bash completion.
 */
class DistributionIT {
  /** The commands the launcher runs besides the JVM: the only ones on the tests' PATH. */
  private static final List<String> TOOLS =
      List.of("readlink", "cksum", "ls", "date", "mkdir", "find", "rm", "mv", "rmdir");

  @TempDir static Path root;
  private static Distribution dist;
  private static Path bin;

  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();
  @TempDir Path dir;
  private Process imgdl;

  /** The package through its /usr/bin/imgdl, the tarball through a symlink on PATH. */
  enum Install {
    PACKAGE, TARBALL;

    Path command() {
      return this == PACKAGE ? dist.debRoot.resolve("usr/bin/imgdl") : bin.resolve("imgdl");
    }

    /** Where the launcher, the jars, the runtime and the archive are. */
    Path lib() {
      return this == PACKAGE ? dist.debRoot.resolve("usr/lib/imgdl") : dist.tarRoot.resolve("lib");
    }
  }

  @BeforeAll
  static void unpack() throws Exception {
    dist = Distribution.unpacked(root);
    bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : TOOLS) {
      Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool))
          .filter(Files::isExecutable).findFirst().orElseThrow();
      Files.createSymbolicLink(bin.resolve(tool), found);
    }
    Files.createSymbolicLink(bin.resolve("imgdl"), dist.tarRoot.resolve("bin/imgdl"));
    // No cache directory (a file where it would be): no training outlives a test.
    Files.writeString(root.resolve("no-cache"), "");
  }

  /** The links to the tools, before JUnit deletes the folder and warns about each. */
  @AfterAll
  static void unlinkTools() throws IOException {
    for (String tool : TOOLS) {
      Files.deleteIfExists(bin.resolve(tool));
    }
  }

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  @Test
  void eachFileIsWhereDebianAndTheTarballPutIt() throws Exception {
    Path usr = dist.debRoot.resolve("usr");
    assertThat(Files.readSymbolicLink(usr.resolve("bin/imgdl"))).isEqualTo(
        Path.of("../lib/imgdl/imgdl"));
    assertThat(Files.readSymbolicLink(dist.tarRoot.resolve("bin/imgdl"))).isEqualTo(
        Path.of("../lib/imgdl"));
    for (Install install : Install.values()) {
      for (String file : List.of("imgdl", "imgdl.jar", "imgdl-parquet.jar", "runtime/bin/java",
          "runtime/release", "runtime/lib/server/classes.jsa", "runtime/legal/java.base")) {
        assertThat(install.lib().resolve(file)).as(install + " " + file).exists();
      }
      assertThat(install.lib().resolve("runtime/include")).doesNotExist();
      assertThat(install.lib().resolve("runtime/man")).doesNotExist();
      assertThat(release(install, "MODULES")).contains("java.base", "jdk.httpserver")
          .doesNotContain("jdk.compiler", "java.net.http", "jdk.jfr");
    }
    assertThat(usr.resolve("share/man/man1/imgdl.1.gz")).isRegularFile();
    assertThat(usr.resolve("share/doc/imgdl/copyright")).isRegularFile();
    assertThat(gunzip(usr.resolve("share/man/man1/imgdl.1.gz")))
        .isEqualTo(Files.readString(dist.tarRoot.resolve("man/man1/imgdl.1")));
    assertThat(usr.resolve("share/bash-completion/completions/imgdl"))
        .hasSameTextualContentAs(dist.tarRoot.resolve("completion/imgdl.bash"));
    assertThat(usr.resolve("share/zsh/vendor-completions/_imgdl"))
        .hasSameTextualContentAs(dist.tarRoot.resolve("completion/_imgdl"));

    assertThat(dist.field("Package")).isEqualTo("imgdl");
    assertThat(dist.field("Version"))
        .isEqualTo(System.getProperty("dist.version").replace('-', '~'));
    assertThat(dist.field("Architecture")).isEqualTo("amd64");
    assertThat(dist.field("Section")).isEqualTo("utils");
    assertThat(dist.field("Priority")).isEqualTo("optional");
    assertThat(dist.field("Maintainer")).matches(".+ <.+@.+>");
    assertThat(dist.field("Installed-Size")).matches("[1-9][0-9]*");
    assertThat(dist.field("Depends")).startsWith("libc6 (>= ").doesNotContain("libx11");
    assertThat(dist.field("Description")).startsWith("batch image downloader");
  }

  @ParameterizedTest
  @EnumSource(Install.class)
  void itsVersionRunsOnTheBundledRuntimeWhichMapsTheStartUpArchive(Install install)
      throws Exception {
    int feature = Integer.parseInt(release(install, "JAVA_VERSION").split("\\.")[0]);
    Path log = dir.resolve("archive.log");
    imgdl = start(install, Map.of("IMGDL_JAVA_OPTS",
        "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=info:file=" + log), "--version");

    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stderr()).isEmpty();
    assertThat(stdout()).startsWith("imgdl " + System.getProperty("dist.version") + "\n")
        .contains("Java " + release(install, "JAVA_VERSION"));
    // JDK 20 and newer map an archive whose jars moved, so the build's is shipped; JDK 17 to 19
    // refuse it, so they get the runtime's archive of JDK classes (and train one on first use).
    Path lib = install.lib().toRealPath();
    Path shipped = lib.resolve("imgdl-" + feature + (feature >= 25 ? ".aot" : ".jsa"));
    if (feature >= 20) {
      assertThat(Files.readString(log)).contains("Opened", shipped.toString())
          .doesNotContain("Mismatched");
    } else {
      assertThat(shipped).doesNotExist();
      assertThat(Files.readString(log)).contains("Opened archive "
          + lib.resolve("runtime/lib/server/classes.jsa"));
    }
  }

  @ParameterizedTest
  @EnumSource(Install.class)
  void itDownloadsOverTlsTheUrlsOfAParquetTable(Install install) throws Exception {
    // An ECDSA certificate and ECDHE: before JDK 22 these need the runtime's jdk.crypto.ec;
    // a SNAPPY Parquet file: the optional jar, with its native codec.
    try (TlsServer tls = TlsServer.start(TlsServer.selfSigned())) {
      tls.serve("/a.png", Images.png());
      Path table = ParquetFiles.parquet(dir.resolve("list.parquet"),
          "message m { required binary url (UTF8); }", List.of(Map.of("url", tls.url("/a.png"))),
          CompressionCodecName.SNAPPY);
      imgdl = start(install, Map.of(), "-q", "--no-progress", "-o", "out", "--cacert",
          tls.writePem(dir.resolve("ca.pem")).toString(), "--report", "report.json",
          table.getFileName().toString());

      assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(imgdl.exitValue()).as(stderr()).isZero();
      assertThat(stderr()).isEmpty();
      assertThat(dir.resolve("out/a.png")).hasBinaryContent(Images.png());
      JsonNode result = new ObjectMapper().readTree(dir.resolve("report.json").toFile())
          .get("results").get(0);
      assertThat(result.get("status").asText()).isEqualTo("downloaded");
    }
  }

  @ParameterizedTest
  @EnumSource(Install.class)
  void itResizesAJpegAndACmykJpegOnTheBundledRuntime(Install install) throws Exception {
    // libjavajpeg decodes and encodes JPEG, liblcms converts CMYK: a runtime without them
    // fails each entry with "cannot decode jpg: ...".
    server.respond("/photo.jpg", "HTTP/1.1 200 OK", List.of(), jpeg(80, 60));
    server.respond("/cmyk.jpg", "HTTP/1.1 200 OK", List.of(), resource("/transform/cmyk.jpg"));
    Path list = Files.write(dir.resolve("list.txt"), List.of(server.url("/photo.jpg"),
        server.url("/cmyk.jpg")));
    imgdl = start(install, Map.of(), "-q", "--no-progress", "-o", "out", "--resize", "32",
        "--report", "report.json", list.toString());

    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(imgdl.exitValue()).as(stderr()).isZero();
    assertThat(stderr()).isEmpty();
    for (String name : List.of("photo.jpg", "cmyk.jpg")) {
      BufferedImage image = ImageIO.read(dir.resolve("out").resolve(name).toFile());
      assertThat(List.of(image.getWidth(), image.getHeight())).as(name).containsExactly(32, 32);
    }
    JsonNode cmyk = new ObjectMapper().readTree(dir.resolve("report.json").toFile())
        .get("results").get(1);
    assertThat(List.of(cmyk.get("originalWidth").asInt(), cmyk.get("originalHeight").asInt()))
        .containsExactly(64, 24);
  }

  private static byte[] jpeg(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DistributionIT.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @EnumSource(Install.class)
  void processModeChildrenRunOnTheBundledRuntimeAndSigintEndsTheRunWithItsReport(
      Install install) throws Exception {
    server.png("/1.png");
    server.hold("/held-1.png");
    server.hold("/held-2.png");
    Path list = Files.write(dir.resolve("list.txt"), List.of(server.url("/1.png"),
        server.url("/held-1.png"), server.url("/held-2.png")));
    imgdl = start(install, Map.of(), "--mode", "process", "-w", "2", "--processes", "2",
        "--no-progress", "-o", "out", "--report", "report.json", list.toString());
    try {
      Await.until("both held downloads in flight", Duration.ofSeconds(60),
          () -> server.requests("/held-1.png") == 1 && server.requests("/held-2.png") == 1);
      Path java = install.lib().resolve("runtime/bin/java").toRealPath();
      List<String> children = imgdl.descendants()
          .map(p -> p.info().command().orElse("?")).toList();
      assertThat(children).hasSize(2).allMatch(java.toString()::equals);

      new ProcessBuilder("kill", "-s", "INT", String.valueOf(imgdl.pid())).start().waitFor();
      assertThat(imgdl.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    } finally {
      server.hold("/held-1.png").countDown();
      server.hold("/held-2.png").countDown();
    }
    assertThat(imgdl.exitValue()).as(stderr()).isEqualTo(130);
    assertThat(stderr()).contains("INTERRUPTED");
    JsonNode results = new ObjectMapper().readTree(dir.resolve("report.json").toFile())
        .get("results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("status").asText()).isEqualTo("downloaded");
    assertThat(results.get(1).get("error").asText()).isEqualTo("interrupted");
    assertThat(results.get(2).get("error").asText()).isEqualTo("interrupted");
  }

  @Test
  void theManPageRendersWithoutAWarning() throws Exception {
    Assumptions.assumeTrue(Distribution.onPath("man"), "no man on PATH");
    Path page = dist.debRoot.resolve("usr/share/man/man1/imgdl.1.gz");
    Process man = new ProcessBuilder("man", "--warnings", "-l", page.toString())
        .redirectOutput(dir.resolve("page.txt").toFile())
        .redirectError(dir.resolve("warnings.txt").toFile()).start();
    assertThat(man.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(man.exitValue()).isZero();
    assertThat(dir.resolve("warnings.txt")).isEmptyFile();
    assertThat(Files.readString(dir.resolve("page.txt"))).contains("imgdl");
  }

  @Test
  void theBashCompletionCompletesOptionsAndTheValuesOfMode() throws Exception {
    // A non-interactive bash: the script sourced, the function it registered for imgdl called
    // as bash would for "imgdl --mo" and for "imgdl --mode ".
    String script = String.join("\n",
        "source \"$1\"",
        "spec=$(complete -p imgdl) || exit 1",
        "fn=${spec#*-F }; fn=${fn%% *}",
        "complete_line() {",
        "  COMP_LINE=$1; COMP_POINT=${#1}; read -r -a COMP_WORDS <<< \"$1\"",
        "  [ \"${1% }\" = \"$1\" ] || COMP_WORDS+=('')",
        "  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=()",
        "  \"$fn\" imgdl \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD - 1]}\"",
        "  printf '%s\\n' \"${COMPREPLY[@]}\"; echo ---",
        "}",
        "complete_line 'imgdl --mo'",
        "complete_line 'imgdl --mode '");
    Path completion = dist.debRoot.resolve("usr/share/bash-completion/completions/imgdl");
    String out = Distribution.run(List.of("bash", "--noprofile", "--norc", "-c", script, "bash",
        completion.toString()));
    String[] replies = out.split("---\n", -1);
    assertThat(words(replies[0])).contains("--mode");
    assertThat(words(replies[1])).containsExactlyInAnyOrder("thread", "process");
  }

  /** {@code imgdl args} as installed, in this test's folder, with only {@link #TOOLS} on PATH. */
  private Process start(Install install, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(install.command().toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = Forked.builder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", bin.toString(), "HOME", dir.toString(),
        "XDG_CACHE_HOME", root.resolve("no-cache").toString()));
    builder.environment().putAll(env);
    return builder.redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
  }

  private String stdout() throws IOException {
    return Files.readString(dir.resolve("stdout.txt"));
  }

  private String stderr() throws IOException {
    return Files.readString(dir.resolve("stderr.txt"));
  }

  /** A value of the runtime's release file, unquoted. */
  private static String release(Install install, String key) throws IOException {
    return Files.readAllLines(install.lib().resolve("runtime/release")).stream()
        .filter(l -> l.startsWith(key + "=\""))
        .map(l -> l.substring(key.length() + 2, l.length() - 1)).findFirst().orElseThrow();
  }

  private static String gunzip(Path file) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> words(String lines) {
    return Arrays.stream(lines.split("\n")).filter(w -> !w.isBlank()).toList();
  }
}
