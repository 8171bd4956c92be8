package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.JunitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks of {@code --junit FILE}: those of {@code --report}'s path, in the same words, before
 * anything is downloaded.
 */
class JunitOptionTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();
  @TempDir Path dir;
  private Path list;
  private Path out;

  @BeforeEach
  void serve() {
    server.png("/a.png");
    list = Cli.list(dir, "list.txt", List.of(server.url("/a.png")));
    out = dir.resolve("out");
  }

  private void assertUsageError(String message, String... junitArgs) {
    List<String> args = new java.util.ArrayList<>(List.of("-o", out.toString()));
    args.addAll(List.of(junitArgs));
    args.add(list.toString());
    Cli.Outcome run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: " + message + "\n");
    assertThat(server.requests("/a.png")).isZero();
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    Path junit = dir.resolve("nowhere/junit.xml");
    assertUsageError("--junit " + junit + ": directory " + junit.getParent()
        + " does not exist or is not writable", "--junit", junit.toString());
  }

  @Test
  void aDirectoryIsAUsageError() {
    assertUsageError("--junit " + dir + " is a directory", "--junit", dir.toString());
  }

  @Test
  void theInputIsAUsageErrorAndIsLeftAsItWas() throws IOException {
    String before = Files.readString(list);
    assertUsageError("--junit " + list + " is the input " + list + ": it would be overwritten",
        "--junit", list.toString());
    assertThat(Files.readString(list)).isEqualTo(before);
  }

  @Test
  void standardOutputIsRefusedSinceItCarriesTheReport() {
    assertUsageError("--junit needs a file: standard output is for --report -",
        "--junit", "-");
  }

  @Test
  void theReportsOrTheFailedFilesPathIsAUsageError() {
    Path same = dir.resolve("out.xml");
    assertUsageError("--junit " + same + " is also the --report file",
        "--junit", same.toString(), "--report", same.toString());
    assertUsageError("--junit " + same + " is also the --failed file",
        "--junit", same.toString(), "--failed", same.toString());
  }
}
