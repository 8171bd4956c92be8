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
import dev.imgdl.testing.ParquetFooter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Through the built jar, whose Logback writes to the real standard error: what the libraries
 * imgdl reads its inputs with log stays off the console unless asked for with {@code -vv}, and
 * their stack traces unless {@code -vvv}; imgdl's own warnings are one line, their stack traces
 * shown from {@code -v}.
 */
class QuietConsoleIT {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;

  private record Outcome(int exitCode, String stderr) {}

  private Outcome run(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("imgdl.jar"), "--no-progress",
        "-o", dir.resolve("out").toString()));
    command.addAll(args);
    Process p = Forked.builder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(p.exitValue(), err);
  }

  /**
   * A table as hyparquet writes it: a {@code created_by} parquet-java cannot parse, and a column
   * all null in its row group. parquet-java's CorruptStatistics said so at WARN, with a 20-line
   * VersionParseException stack trace, on every run.
   */
  private Path hyparquetTable() throws Exception {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    Map<String, Object> row = new HashMap<>();
    row.put("url", server.url("/a.png"));
    Path file = ParquetFiles.parquet(dir.resolve("data.parquet"),
        "message m { optional binary url (STRING); optional binary caption (STRING); }",
        List.of(row), CompressionCodecName.UNCOMPRESSED);
    return ParquetFooter.setCreatedBy(file, "hyparquet");
  }

  @ParameterizedTest
  @CsvSource({"thread", "process"})
  void aTableParquetJavaWarnsAboutLeavesStandardErrorToTheSummary(String mode)
      throws Exception {
    Path file = hyparquetTable();

    Outcome outcome = run(List.of("--mode", mode, "--caption-col", "caption",
        file.toString()));

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stderr()).startsWith("imgdl: 1 entries: 1 downloaded");
    // The summary's own lines only: nothing from a library.
    assertThat(outcome.stderr().lines()
        .filter(l -> !l.startsWith("imgdl: ") && !l.startsWith("  "))).isEmpty();
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png");
  }

  @ParameterizedTest
  @CsvSource({"-v,false,false", "-vv,true,false", "-vvv,true,true"})
  void aLibrarysWarningNeedsTwoVerboseAndItsStackTraceThree(String flag, boolean warning,
      boolean trace) throws Exception {
    Path file = hyparquetTable();

    Outcome outcome = run(List.of(flag, "--mode", "thread", file.toString()));

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.stderr().contains("WARN CorruptStatistics: Ignoring statistics"))
        .as(outcome.stderr()).isEqualTo(warning);
    assertThat(outcome.stderr().contains("VersionParseException")).as(outcome.stderr())
        .isEqualTo(trace);
  }

  @ParameterizedTest
  @CsvSource({"thread", "process"})
  void aShardThatCannotBeWrittenIsOneLineInWordsAndItsStackTraceWaitsForVerbose(String mode)
      throws Exception {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    Path list = Cli.list(dir, "l.txt", List.of(server.url("/a.png")));
    Files.createDirectories(dir.resolve("out/00000.tar/in-the-way"));
    List<String> args = List.of("--mode", mode, "--output-format", "webdataset", list.toString());

    Outcome quiet = run(args);
    List<String> verbose = new ArrayList<>(args);
    verbose.add(0, "-v");
    Outcome loud = run(verbose);

    assertThat(quiet.exitCode()).as(quiet.stderr()).isEqualTo(1);
    assertThat(quiet.stderr().lines()).contains("WARN ShardAssembler: cannot write 00000.tar: "
        + "Is a directory", list + ":1 " + server.url("/a.png")
        + ": cannot write 00000.tar: Is a directory");
    assertThat(quiet.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(loud.stderr()).contains("java.nio.file.FileSystemException")
        .contains("\tat ");
  }
}
