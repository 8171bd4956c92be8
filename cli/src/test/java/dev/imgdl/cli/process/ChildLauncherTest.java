package dev.imgdl.cli.process;

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
    ChildLauncher launcher = new ChildLauncher(OPTIONS, new ClassDataSharing(archive, true));

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
    ChildLauncher launcher = new ChildLauncher(OPTIONS, new ClassDataSharing(archive, true));

    for (int i = 0; i < 2; i++) {
      ChildLauncher.Command command = launcher.next();
      assertThat(command.dumpTo()).isNull();
      assertThat(command.line()).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }
  }

  @Test
  void childrenMapTheLaunchersAotCacheAndNeverWriteIt() throws IOException {
    Path cache = dir.resolve("imgdl-25-1-2.aot");
    ChildLauncher launcher = new ChildLauncher(OPTIONS, new ClassDataSharing(cache, false));

    ChildLauncher.Command before = launcher.next();
    assertThat(before.dumpTo()).isNull();
    assertThat(before.line()).isEqualTo(ChildCommand.of(OPTIONS));

    Files.writeString(cache, "classes");
    ChildLauncher.Command after = launcher.next();
    assertThat(after.dumpTo()).isNull();
    assertThat(after.line()).contains("-XX:AOTCache=" + cache)
        .noneMatch(o -> o.contains("SharedArchiveFile") || o.startsWith("-Xshare"));
  }

  @Test
  void childrenMapTheLaunchersAppCdsArchive() throws IOException {
    Path archive = Files.writeString(dir.resolve("imgdl-17-1-2.jsa"), "classes");
    ChildLauncher.Command command =
        new ChildLauncher(OPTIONS, new ClassDataSharing(archive, false)).next();

    assertThat(command.dumpTo()).isNull();
    assertThat(command.line()).contains("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
  }

  @Test
  void theLaunchersPropertyNamesTheArchiveUnlessTheOptionsChooseOne() throws IOException {
    Path cache = Files.writeString(dir.resolve("imgdl-25-1-2.aot"), "classes");
    String before = System.getProperty(ClassDataSharing.LAUNCHER_ARCHIVE);
    System.setProperty(ClassDataSharing.LAUNCHER_ARCHIVE, cache.toString());
    try {
      assertThat(ClassDataSharing.forThisJvm(OPTIONS).options(true).jvmOptions())
          .contains("-XX:AOTCache=" + cache);
      assertThat(ClassDataSharing.forThisJvm(List.of("-XX:AOTMode=off"))).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(ClassDataSharing.LAUNCHER_ARCHIVE);
      } else {
        System.setProperty(ClassDataSharing.LAUNCHER_ARCHIVE, before);
      }
    }
  }
}
