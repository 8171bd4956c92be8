package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.input.TargetName;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skip decision: which planned names are satisfied by a file already on disk. */
class ExistingTargetsTest {
  @TempDir Path dir;

  @Test
  void aCompleteNameIsSatisfiedByExactlyThatFile() throws Exception {
    Files.writeString(dir.resolve("pic.png"), "old");
    ExistingTargets existing = ExistingTargets.scan(dir);
    assertThat(existing.find(new TargetName("pic", "png"))).isEqualTo(dir.resolve("pic.png"));
    assertThat(existing.find(new TargetName("pic", "jpg"))).isNull();
    assertThat(existing.find(new TargetName("other", "png"))).isNull();
  }

  @Test
  void anExtensionlessNameIsSatisfiedByTheStemWithAnyImageExtensionOrNone() throws Exception {
    Files.writeString(dir.resolve("pic.webp"), "old");
    Files.writeString(dir.resolve("raw"), "old");
    ExistingTargets existing = ExistingTargets.scan(dir);
    assertThat(existing.find(new TargetName("pic", null))).isEqualTo(dir.resolve("pic.webp"));
    assertThat(existing.find(new TargetName("raw", null))).isEqualTo(dir.resolve("raw"));
    assertThat(existing.find(new TargetName("nope", null))).isNull();
  }

  @Test
  void directoriesAndTemporaryFilesDoNotCount() throws Exception {
    Files.createDirectory(dir.resolve("dir.png"));
    Files.writeString(dir.resolve(".imgdl-run-w0-1.part"), "partial");
    ExistingTargets existing = ExistingTargets.scan(dir);
    assertThat(existing.find(new TargetName("dir", "png"))).isNull();
    assertThat(existing.find(new TargetName(".imgdl-run-w0-1", "part"))).isNull();
  }

  @Test
  void aSkippedResultNamesTheFileItsSizeAndTheWorkerAndSendsNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("pic.png"), "old");
    Result r = ExistingTargets.skipped(4, 2, file, 0);
    assertThat(r.status()).isEqualTo(Status.SKIPPED);
    assertThat(r.file()).isEqualTo("pic.png");
    assertThat(r.bytes()).isEqualTo(3);
    assertThat(r.worker()).isEqualTo(2);
    assertThat(r.attempts()).isZero();
    assertThat(r.sha256()).isNull();
    assertThat(r.error()).isNull();
  }

  @Test
  void aTaskWhoseTargetExistsIsSkippedForTheWorkerItWasDealtTo() throws Exception {
    Files.writeString(dir.resolve("b.png"), "12345");
    Files.writeString(dir.resolve("d.gif"), "12");
    ExistingTargets existing = ExistingTargets.scan(dir);
    Task a = new Task(0, "http://h/a.png", "a", "png");
    Task b = new Task(1, "http://h/b.png", "b", "png");
    Task d = new Task(3, "http://h/d", "d", null);

    assertThat(existing.skip(a, 0)).isNull();
    Result skippedB = existing.skip(b, 1);
    Result skippedD = existing.skip(d, 2);
    assertThat(List.of(skippedB, skippedD)).extracting(Result::index).containsExactly(1, 3);
    assertThat(List.of(skippedB, skippedD)).extracting(Result::worker).containsExactly(1, 2);
    assertThat(List.of(skippedB, skippedD)).extracting(Result::file)
        .containsExactly("b.png", "d.gif");
    assertThat(List.of(skippedB, skippedD)).extracting(Result::bytes).containsExactly(5L, 2L);
    assertThat(List.of(skippedB, skippedD)).extracting(Result::status)
        .containsOnly(Status.SKIPPED);
  }

  @Test
  void aFileWrittenAfterTheListingIsNotSeen() throws Exception {
    ExistingTargets existing = ExistingTargets.scan(dir);
    Files.writeString(dir.resolve("a.png"), "1");

    assertThat(existing.skip(new Task(0, "http://h/a.png", "a", "png"), 0)).isNull();
  }
}
