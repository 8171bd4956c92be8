package dev.imgdl.cli.process;

import dev.imgdl.core.text.Sha256;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application class-data-sharing archive for child JVMs: classes already parsed and verified,
 * mapped from a file, which halves a child's start-up CPU and trims its memory. The first child
 * that runs without one writes it at exit ({@code -XX:ArchiveClassesAtExit}); later children of
 * this and later runs map it ({@code -XX:SharedArchiveFile}). The archive lives in the user's
 * cache directory under a name derived from the JVM and the jar, so a new build or another JDK
 * gets its own. It is used only when the class path holds nothing but jar files, as with the
 * shaded jar, and never when the child options already choose a CDS setting.
 *
 * <p>When the launcher ({@code src/main/launcher/imgdl}) started this JVM, it names its own
 * start-up archive in the {@code imgdl.archive} property, and the children map that same file:
 * on JDK 25+ an AOT cache ({@code .aot}, {@code -XX:AOTCache}), else an AppCDS archive. The
 * launcher alone names and writes it (the naming rule is written down there); while it does not
 * exist yet, children start without one.
 */
final class ClassDataSharing {
  private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

  /** The property in which the launcher names its archive. */
  static final String LAUNCHER_ARCHIVE = "imgdl.archive";

  private final Path archive;
  private final boolean ours;

  /** @param ours whether children write the archive, or only map the launcher's */
  ClassDataSharing(Path archive, boolean ours) {
    this.archive = archive;
    this.ours = ours;
  }

  /** A child's JVM options, and the file it writes the archive to at exit, or null. */
  record ChildOptions(List<String> jvmOptions, Path dumpTo) {}

  /** The archive for this JVM and class path, or null when sharing does not apply. */
  static ClassDataSharing forThisJvm(List<String> childOptions) {
    for (String option : childOptions) {
      if (option.startsWith("-Xshare") || option.contains("SharedArchiveFile")
          || option.contains("ArchiveClassesAtExit") || option.contains("-XX:AOT")) {
        return null;
      }
    }
    String launcher = System.getProperty(LAUNCHER_ARCHIVE, "");
    if (!launcher.isEmpty()) {
      return new ClassDataSharing(Path.of(launcher), false);
    }
    try {
      StringBuilder key = new StringBuilder(System.getProperty("java.home"))
          .append('|').append(System.getProperty("java.vm.version"));
      for (String entry : ChildCommand.classPath().split(File.pathSeparator)) {
        Path jar = Path.of(entry);
        if (!Files.isRegularFile(jar) || !entry.endsWith(".jar")) {
          return null;
        }
        key.append('|').append(entry).append('|').append(Files.size(jar))
            .append('|').append(Files.getLastModifiedTime(jar).toMillis());
      }
      String name = "child-" + Sha256.hexPrefix(key.toString(), 8) + ".jsa";
      return new ClassDataSharing(cacheDir().resolve(name), true);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Options for a child that maps the archive, or that writes it if {@code mayDump}. */
  ChildOptions options(boolean mayDump) {
    if (Files.isReadable(archive)) {
      // Quiet about an archive it cannot use, as the launcher: it then starts without.
      return new ChildOptions(archive.getFileName().toString().endsWith(".aot")
          ? List.of("-XX:AOTCache=" + archive, "-Xlog:aot*=off,cds*=off:stderr")
          : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto",
              "-Xlog:cds*=off:stderr"), null);
    }
    ChildOptions none = new ChildOptions(List.of(), null);
    if (!mayDump || !ours) {
      return none;
    }
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      return none;
    }
    Path temp = archive.resolveSibling(archive.getFileName() + ".tmp-"
        + ProcessHandle.current().pid());
    return new ChildOptions(List.of("-XX:ArchiveClassesAtExit=" + temp), temp);
  }

  /** Publishes what a dumping child wrote, if it ended well; removes it otherwise. */
  void publish(Path temp, int exitCode) {
    try {
      if (exitCode == 0 && Files.size(temp) > 0) {
        Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        log.debug("class data sharing archive for child JVMs written to {}", archive);
      }
    } catch (IOException e) {
      log.debug("no class data sharing archive: {}", e.toString());
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // Best effort.
      }
    }
  }

  private static Path cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("imgdl");
  }
}
