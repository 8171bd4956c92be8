package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @TempDir Path dir;
  private final TempFiles temps = new TempFiles();

  private static TempFiles.Opener createNew() {
    return p -> Files.newOutputStream(p, StandardOpenOption.CREATE_NEW);
  }

  @Test
  void deleteAllRemovesWhatWasNotCommitted() throws Exception {
    TempFiles.Temp part = temps.open(dir, "run1", 0);
    part.out().close();
    Path report = dir.resolve(".imgdl-report-x.tmp");
    temps.openNew(report, createNew()).close();
    Path kept = dir.resolve(".imgdl-kept.tmp");
    temps.openNew(kept, createNew()).close();
    Files.move(kept, dir.resolve("kept.json"));
    temps.committed(kept);
    temps.deleteAll();
    assertThat(Files.exists(part.path())).isFalse();
    assertThat(Files.exists(report)).isFalse();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("kept.json");
    }
  }

  @Test
  void aFileThatExistsIsNotTakenOver() throws Exception {
    Path taken = Files.writeString(dir.resolve(".imgdl-taken.tmp"), "someone else's");
    assertThatThrownBy(() -> temps.openNew(taken, createNew()))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    temps.deleteAll();
    assertThat(Files.readString(taken)).isEqualTo("someone else's");
  }

  @Test
  void oneRunsDeleteAllLeavesTheFilesOfAnotherRunInTheSameJvm() throws Exception {
    TempFiles other = new TempFiles();
    TempFiles.Temp mine = temps.open(dir, "run1", 0);
    mine.out().close();
    TempFiles.Temp theirs = other.open(dir, "run2", 0);
    theirs.out().close();
    temps.deleteAll();
    assertThat(Files.exists(mine.path())).isFalse();
    assertThat(Files.exists(theirs.path())).isTrue();
  }

  @Test
  void twoInstancesWithTheSameRunIdAndWorkerGetDistinctNames() throws Exception {
    TempFiles.Temp first = temps.open(dir, "run1", 0);
    first.out().close();
    TempFiles.Temp second = new TempFiles().open(dir, "run1", 0);
    second.out().close();
    assertThat(second.path()).isNotEqualTo(first.path());
  }

  @Test
  void abortDeletesEverythingAndRefusesLaterFilesOfThatInstanceOnly() throws Exception {
    TempFiles.Temp part = temps.open(dir, "run1", 0);
    part.out().close();
    temps.abort();
    assertThat(Files.exists(part.path())).isFalse();
    assertThatThrownBy(() -> temps.open(dir, "run1", 0))
        .isInstanceOf(IOException.class)
        .hasMessage("interrupted");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    new TempFiles().open(dir, "run2", 0).out().close();
  }

  @Test
  void sweepRemovesTheFilesWithThePrefixWhoeverCreatedThem() throws Exception {
    Path dead = Files.writeString(dir.resolve(TempFiles.prefix("run1", 3) + "7.part"), "x");
    Path live = Files.writeString(dir.resolve(TempFiles.prefix("run1", 4) + "8.part"), "x");
    TempFiles.sweep(dir, TempFiles.prefix("run1", 3));
    assertThat(Files.exists(dead)).isFalse();
    assertThat(Files.exists(live)).isTrue();
  }
}
