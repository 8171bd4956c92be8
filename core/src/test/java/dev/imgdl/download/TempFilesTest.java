package dev.imgdl.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path dir;

  private static TempFiles.Opener createNew() {
    return p -> Files.newOutputStream(p, StandardOpenOption.CREATE_NEW);
  }

  @Test
  void deleteAllRemovesWhatWasNotCommitted() throws Exception {
    TempFiles.Temp part = TempFiles.open(dir, "run1", 0);
    part.out().close();
    Path report = dir.resolve(".imgdl-report-x.tmp");
    TempFiles.openNew(report, createNew()).close();
    Path kept = dir.resolve(".imgdl-kept.tmp");
    TempFiles.openNew(kept, createNew()).close();
    Files.move(kept, dir.resolve("kept.json"));
    TempFiles.committed(kept);
    TempFiles.deleteAll();
    assertThat(Files.exists(part.path())).isFalse();
    assertThat(Files.exists(report)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("kept.json");
    }
  }

  @Test
  void aFileThatExistsIsNotTakenOver() throws Exception {
    Path taken = Files.writeString(dir.resolve(".imgdl-taken.tmp"), "someone else's");
    assertThatThrownBy(() -> TempFiles.openNew(taken, createNew()))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    TempFiles.deleteAll();
    assertThat(Files.readString(taken)).isEqualTo("someone else's");
  }
}
