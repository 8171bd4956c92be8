package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Forked;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.ParquetFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parquet is optional: imgdl.jar runs lists without loading any of it, refuses Parquet in one
 * line when imgdl-parquet.jar is not beside it, and finds it beside it or in lib/.
 */
class OptionalParquetIT {
  private static final Path JAR = Path.of(System.getProperty("imgdl.jar"));
  private static final Path PARQUET_JAR = JAR.resolveSibling("imgdl-parquet.jar");
  private static final String NEEDS =
      "needs imgdl-parquet.jar beside imgdl.jar (./mvnw -B package builds it)";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;

  private record Outcome(int exitCode, String stderr) {}

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
  }

  private Outcome run(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "-q", "-o", dir.resolve("out").toString()));
    command.addAll(List.of(args));
    Process p = Forked.builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue(), err);
  }

  /** imgdl.jar alone in a folder of its own. */
  private Path jarAlone() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("alone"));
    return Files.copy(JAR, folder.resolve("imgdl.jar"));
  }

  private Path parquetInput() throws Exception {
    return ParquetFiles.parquet(dir.resolve("photos.parquet"),
        "message m { optional binary url (STRING); }",
        List.of(Map.of("url", server.url("/a.png"))), CompressionCodecName.SNAPPY);
  }

  @Test
  void aListRunLoadsNoClassOfParquetHadoopOrTheOptionalModule() throws Exception {
    assertThat(PARQUET_JAR).as("the optional jar is beside imgdl.jar").exists();
    Path list = Files.writeString(dir.resolve("list.txt"), server.url("/a.png") + "\n");
    Path log = dir.resolve("classes.log");
    Process p = Forked.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString(), "-q", "-o",
        dir.resolve("out").toString(), list.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(log)).contains("dev.imgdl.core.input.InputReader")
        .doesNotContain("dev.imgdl.parquet").doesNotContain("org.apache.parquet")
        .doesNotContain("org.apache.hadoop");
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"by name", "--input-format parquet"})
  void aParquetInputWithoutTheOptionalJarIsOneLineAndExit2(String how) throws Exception {
    Path input = parquetInput();
    Path named = how.equals("by name") ? input
        : Files.move(input, dir.resolve("photos.bin"));
    List<String> args = new ArrayList<>();
    if (!how.equals("by name")) {
      args.addAll(List.of("--input-format", "parquet"));
    }
    args.add(named.toString());

    Outcome outcome = run(jarAlone(), args.toArray(String[]::new));

    assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
    assertThat(outcome.stderr()).isEqualTo(
        "imgdl: error: " + named + ": reading Parquet " + NEEDS + System.lineSeparator());
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--metadata=parquet", "--shard-size=10"})
  void parquetMetadataWithoutTheOptionalJarIsOneLineAndExit2(String option) throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), server.url("/a.png") + "\n");

    Outcome outcome = run(jarAlone(), "--output-format", "webdataset", option,
        list.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(2);
    assertThat(outcome.stderr()).isEqualTo("imgdl: error: webdataset metadata in Parquet "
        + "(--metadata parquet, the default) " + NEEDS + "; --metadata jsonl needs nothing more"
        + System.lineSeparator());
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void jsonlMetadataNeedsNoOptionalJar() throws Exception {
    Path list = Files.writeString(dir.resolve("list.txt"), server.url("/a.png") + "\n");

    Outcome outcome = run(jarAlone(), "--output-format", "webdataset", "--metadata", "jsonl",
        list.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(Cli.files(dir.resolve("out"))).contains("00000.tar", "00000.jsonl");
  }

  @Test
  void theOptionalJarIsFoundInLibBesideImgdlJar() throws Exception {
    Path jar = jarAlone();
    Path lib = Files.createDirectories(jar.resolveSibling("lib"));
    Files.copy(PARQUET_JAR, lib.resolve("imgdl-parquet.jar"));

    Outcome outcome = run(jar, "--output-format", "webdataset",
        parquetInput().toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(Cli.files(dir.resolve("out"))).contains("00000.tar", "00000.parquet");
  }
}
