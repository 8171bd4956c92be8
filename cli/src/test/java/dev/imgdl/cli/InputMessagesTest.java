package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that are not text, tables whose columns cannot all be kept, and messages about
 * inputs that must stay one short line in words.
 */
class InputMessagesTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.png("/a.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aNulByteInAListStopsTheRunBeforeAnythingIsDownloaded(String mode) throws IOException {
    Path list = Files.write(dir.resolve("list.txt"), (server.url("/a.png") + "\nhttp://x/\0\n")
        .getBytes(StandardCharsets.UTF_8));

    Cli.Outcome run = Cli.run("--mode", mode, "-o", dir.resolve("out").toString(),
        list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines())
        .containsExactly("imgdl: error: " + list + ":2: holds a NUL byte (not text)");
    assertThat(server.requests("/a.png")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aNulByteOnStandardInputStopsTheRunNamingTheLine(String mode) {
    Cli.Outcome run = Cli.runWithStdin("http://x/a.png\n\0\n", "--mode", mode, "-o",
        dir.resolve("out").toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines())
        .containsExactly("imgdl: error: <stdin>:2: holds a NUL byte (not text)");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  // A bound, should the run never end (as it did before the NUL check).
  @Timeout(value = 120, unit = TimeUnit.SECONDS,
      threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void devZeroEndsAtOnce() {
    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), "/dev/zero");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines())
        .containsExactly("imgdl: error: /dev/zero:1: holds a NUL byte (not text)");
  }

  @Test
  void savedColumnsThatWouldShareANameAreAUsageError() throws IOException {
    Path csv = Files.writeString(dir.resolve("t.csv"),
        "url,status,saved.status\n" + server.url("/a.png") + ",x,y\n");

    Cli.Outcome run = Cli.run("--output-format", "webdataset", "--save-cols",
        "status,saved.status", "-o", dir.resolve("out").toString(), csv.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: --save-cols: columns "
        + "status and saved.status would both be saved as saved.status; leave one out");
    assertThat(server.requests("/a.png")).isZero();
  }

  @Test
  void aTableOfManyColumnsWithoutUrlGivesOneShortLine() throws IOException {
    String header = IntStream.range(0, 40_000).mapToObj(i -> "c" + i)
        .collect(Collectors.joining(","));
    Path csv = Files.writeString(dir.resolve("wide.csv"), header + "\n");

    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), csv.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines()).singleElement().satisfies(line -> {
      assertThat(line).endsWith("… and 39,990 more)");
      assertThat(line.length()).isLessThan(400);
    });
  }

  @Test
  void anEmptyParquetFileIsSaidToBeEmpty() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.parquet"));

    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), file.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines())
        .containsExactly("imgdl: error: " + file + ": not a Parquet file (empty)");
  }
}
