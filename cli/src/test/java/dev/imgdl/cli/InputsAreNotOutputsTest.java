package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output that is an input file, by its name or through a link, is a usage error before
 * anything is read or written; {@code --failed} naming the input stays the retry idiom.
 */
class InputsAreNotOutputsTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();
  private Path list;
  private List<String> lines;

  @TempDir Path dir;

  @BeforeEach
  void serve() throws IOException {
    server.png("/a.png");
    server.respond("/gone.png", "HTTP/1.1 404 Not Found", List.of(), new byte[0]);
    lines = List.of(server.url("/a.png"), server.url("/gone.png"));
    list = Cli.list(dir, "list.txt", lines);
  }

  @ParameterizedTest
  @ValueSource(strings = {"same", "symlink", "hardlink", "dotted"})
  void aReportThatIsTheInputIsAUsageErrorAndTouchesNothing(String how) throws IOException {
    Path report = switch (how) {
      case "symlink" -> Files.createSymbolicLink(dir.resolve("r.json"), list);
      case "hardlink" -> Files.createLink(dir.resolve("r.json"), list);
      case "dotted" -> dir.resolve(".").resolve("list.txt");
      default -> list;
    };
    Path out = dir.resolve("out");

    Cli.Outcome run = Cli.run("-o", out.toString(), "--report", report.toString(),
        list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr().lines()).containsExactly("imgdl: error: --report " + report
        + " is the input " + list + ": it would be overwritten");
    assertThat(Files.readAllLines(list)).isEqualTo(lines);
    assertThat(Files.isSymbolicLink(report) || !how.equals("symlink")).isTrue();
    assertThat(Files.exists(out)).isFalse();
    assertThat(server.requests("/a.png")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jsonl", "parquet"})
  void aShardMetadataFileUsedAsTheInputIsAUsageError(String metadata) throws IOException {
    Path out = Files.createDirectories(dir.resolve("shards"));
    Path input = Files.write(out.resolve("00000." + metadata), List.of("url", "x"));
    Path link = Files.createSymbolicLink(dir.resolve("rows." + metadata), input);
    byte[] before = Files.readAllBytes(input);

    for (Path given : List.of(input, link)) {
      Cli.Outcome run = Cli.run("--output-format", "webdataset", "--metadata", metadata,
          "--input-format", "csv", "-o", out.toString(), given.toString());

      assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
      assertThat(run.stderr().lines()).containsExactly("imgdl: error: the input " + given
          + " is the shard file " + input + " of -o " + out + ": it would be overwritten");
    }
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
    assertThat(Cli.files(out)).containsExactly("00000." + metadata);
  }

  @Test
  void aShardTarHardLinkedAsTheInputIsAUsageError() throws IOException {
    Path out = Files.createDirectories(dir.resolve("shards"));
    Path tar = Files.write(out.resolve("00003.tar"), List.of(server.url("/a.png")));
    Path input = Files.createLink(dir.resolve("list2.txt"), tar);

    Cli.Outcome run = Cli.run("--output-format", "webdataset", "-o", out.toString(),
        input.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).contains("the input " + input + " is the shard file " + tar);
    assertThat(server.requests("/a.png")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theFailedListMayBeTheInputAndIsRewrittenWithTheFailedUrlsOnly(String mode)
      throws IOException {
    Cli.Outcome run = Cli.run("--mode", mode, "-q", "-o", dir.resolve("out").toString(),
        "--failed", list.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(Files.readAllLines(list)).containsExactly(server.url("/gone.png"));
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png");
  }
}
