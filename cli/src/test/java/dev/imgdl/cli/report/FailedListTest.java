package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.download.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedListTest {
  @TempDir Path dir;
  private final TempFiles temps = new TempFiles();

  @Test
  void failedUrlsAreWrittenAsGivenOwnerOnlyAndInvalidOnesLeftOut() throws Exception {
    RunRecord run = ReportWriterTest.record();
    Path failed = dir.resolve("retry.txt");
    FailedList.write(failed, run.entries(), run.results(), temps);
    assertThat(Files.readAllLines(failed)).containsExactly("http://me:pa/ss@example.org/b.png");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(failed)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(failed);
    }
  }

  @Test
  void aLinkPlantedAtTheOldPredictableTemporaryNameIsNeitherFollowedNorRemoved()
      throws Exception {
    RunRecord run = ReportWriterTest.record();
    Path victim = Files.writeString(dir.resolve("victim"), "precious");
    Path planted = dir.resolve(".imgdl-failed-" + ProcessHandle.current().pid() + ".tmp");
    Files.createSymbolicLink(planted, victim);
    Path failed = Files.createSymbolicLink(dir.resolve("retry.txt"), victim);
    FailedList.write(failed, run.entries(), run.results(), temps);
    assertThat(victim).hasContent("precious");
    assertThat(Files.isSymbolicLink(planted)).isTrue();
    assertThat(Files.isSymbolicLink(failed)).isFalse();
    assertThat(Files.readAllLines(failed)).hasSize(1);
  }

  @Test
  void aMissingDirectoryFailsWithTheSystemsReasonAlone() {
    RunRecord run = ReportWriterTest.record();
    assertThatThrownBy(() ->
        FailedList.write(dir.resolve("gone/retry.txt"), run.entries(), run.results(), temps))
        .isInstanceOf(IOException.class)
        .hasMessage("No such file or directory");
  }
}
