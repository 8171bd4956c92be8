package dev.imgdl.worker;

import dev.imgdl.text.Sha256;
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
 */
final class ClassDataSharing {
  private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

  private final Path archive;

  ClassDataSharing(Path archive) {
    this.archive = archive;
  }

  /** A child's JVM options, and the file it writes the archive to at exit, or null. */
  record ChildOptions(List<String> jvmOptions, Path dumpTo) {}

  /** The archive for this JVM and class path, or null when sharing does not apply. */
  static ClassDataSharing forThisJvm(List<String> childOptions) {
    for (String option : childOptions) {
      if (option.startsWith("-Xshare") || option.contains("SharedArchiveFile")
          || option.contains("ArchiveClassesAtExit")) {
        return null;
      }
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
      return new ClassDataSharing(cacheDir().resolve(name));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Options for a child that maps the archive, or that writes it if {@code mayDump}. */
  ChildOptions options(boolean mayDump) {
    if (Files.isReadable(archive)) {
      return new ChildOptions(
          List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"), null);
    }
    ChildOptions none = new ChildOptions(List.of(), null);
    if (!mayDump) {
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
