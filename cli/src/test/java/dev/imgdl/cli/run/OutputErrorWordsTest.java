package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
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
 * An output that cannot be made says so in words, never with a Java exception's name: the
 * output directory before anything is downloaded, and an entry's file in its failure line.
 * Tests run as root, who may write almost anywhere: the cases are ones root meets too.
 */
class OutputErrorWordsTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.png("/a.png");
  }

  private Cli.Outcome runInto(Path out, String... more) {
    Path list = Cli.list(dir, "l.txt", List.of(server.url("/a.png")));
    List<String> args = new java.util.ArrayList<>(List.of("-o", out.toString()));
    args.addAll(List.of(more));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anOutputDirectoryThatIsAFileIsSaidToBeOne() throws Exception {
    Path file = Files.writeString(dir.resolve("existing.txt"), "");

    Cli.Outcome run = runInto(file);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: " + file + " is a file, not a directory\n");
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedSaysWhyInWords() {
    // No one, root included, makes a directory in /proc.
    Path out = Path.of("/proc/imgdl-nope");
    assumeTrue(Files.isDirectory(out.getParent()));

    Cli.Outcome run = runInto(out);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: cannot create output directory " + out
        + ": No such file or directory\n");
  }

  @Test
  void anOutputDirectoryInADirectoryNoOneMayWriteSaysWhyInWords() {
    // sysfs refuses root a new directory: not permitted, or read-only where mounted so.
    Path out = Path.of("/sys/imgdl-nope");
    assumeTrue(Files.isDirectory(out.getParent()));

    Cli.Outcome run = runInto(out);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).matches("imgdl: error: cannot create output directory " + out
        + ": (Operation not permitted|Read-only file system|Permission denied)\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aFileWhereAnEntrysFolderGoesFailsTheEntryInWords(String mode) throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("00000"), "in the way");

    Cli.Outcome run = runInto(out, "--mode", mode, "--subdirs");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains(server.url("/a.png")
        + ": cannot write 00000/a.png: File exists\n");
    assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("java.");
  }
}
