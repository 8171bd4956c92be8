package dev.imgdl.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path dir;

  @Test
  void createdFilesAreNewOwnerOnlyAndUnpredictablyNamed() throws Exception {
    Path a = TempFiles.create(dir, ".imgdl-report-");
    Path b = TempFiles.create(dir, ".imgdl-report-");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.getFileName().toString()).startsWith(".imgdl-report-").endsWith(".tmp");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
        .isEqualTo("rw-------");
    TempFiles.delete(a);
    TempFiles.delete(b);
    assertThat(Cli.files(dir)).isEmpty();
  }

  @Test
  void deleteAllRemovesWhatWasNotCommitted() throws Exception {
    TempFiles.Temp part = TempFiles.open(dir, "run1", 0);
    part.out().close();
    Path report = TempFiles.create(dir, ".imgdl-report-");
    Path kept = TempFiles.create(dir, ".imgdl-kept-");
    Files.move(kept, dir.resolve("kept.json"));
    TempFiles.committed(kept);
    TempFiles.deleteAll();
    assertThat(Files.exists(part.path())).isFalse();
    assertThat(Files.exists(report)).isFalse();
    assertThat(Cli.files(dir)).containsExactly("kept.json");
  }
}
