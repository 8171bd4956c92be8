package dev.imgdl.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The children's command lines, without starting any. */
class ChildLauncherTest {
  private static final List<String> OPTIONS = List.of("-Xmx64m", "-XX:+UseSerialGC");

  @TempDir Path dir;

  @Test
  void withoutSharingAChildGetsTheChildCommandWithItsOptions() {
    ChildLauncher.Command command = new ChildLauncher(OPTIONS, null).next();

    assertThat(command.line()).isEqualTo(ChildCommand.of(OPTIONS));
    assertThat(command.dumpTo()).isNull();
  }

  @Test
  void onlyTheFirstChildWithoutAnArchiveWritesOne() {
    Path archive = dir.resolve("cache").resolve("child.jsa");
    ChildLauncher launcher = new ChildLauncher(OPTIONS, new ClassDataSharing(archive));

    ChildLauncher.Command first = launcher.next();
    ChildLauncher.Command second = launcher.next();

    assertThat(first.dumpTo().getParent()).isEqualTo(archive.getParent()).isDirectory();
    assertThat(first.line()).contains("-XX:ArchiveClassesAtExit=" + first.dumpTo())
        .containsSubsequence(OPTIONS);
    assertThat(second.dumpTo()).isNull();
    assertThat(second.line()).isEqualTo(ChildCommand.of(OPTIONS));
  }

  @Test
  void onceTheArchiveExistsEveryChildMapsIt() throws IOException {
    Path archive = Files.writeString(dir.resolve("child.jsa"), "classes");
    ChildLauncher launcher = new ChildLauncher(OPTIONS, new ClassDataSharing(archive));

    for (int i = 0; i < 2; i++) {
      ChildLauncher.Command command = launcher.next();
      assertThat(command.dumpTo()).isNull();
      assertThat(command.line()).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }
  }
}
