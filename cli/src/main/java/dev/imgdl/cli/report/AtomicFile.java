package dev.imgdl.cli.report;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.text.ThrowableText;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a file so that a reader sees the old one or the whole new one: into a temporary file in
 * the same directory, then one atomic rename. The temporary file is created new, under a name
 * nobody can guess, so that another local user cannot plant a link there and make imgdl write
 * through it; it is removed whatever happens, and meanwhile registered with the run's {@link
 * TempFiles}, so that a second interrupt removes it too. The rename replaces a link at the target
 * with the file, never the file the link points to; a link to a device or a pipe is written
 * through, as is the device or pipe itself.
 */
final class AtomicFile {
  /** Owner only: the failed file keeps credentials. */
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  /** What any new file gets before the umask, as the report always did. */
  static final Set<PosixFilePermission> ORDINARY = PosixFilePermissions.fromString("rw-rw-rw-");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NAME_DRAWS = 10;

  private AtomicFile() {}

  /** Writes what {@code content} produces to the file. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A temporary file, created and opened in one step. */
  record Temp(Path path, OutputStream out) {}

  /**
   * Writes {@code target} atomically. A failure is thrown with the system's reason alone as its
   * message ({@code No space left on device}), for a message that names the file once.
   */
  static void write(Path target, String prefix, Set<PosixFilePermission> permissions,
      TempFiles temps, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      writeSpecial(absolute, content);
      return;
    }
    Temp temp = null;
    boolean moved = false;
    try {
      temp = createTemp(absolute.getParent(), prefix, permissions, temps);
      try (OutputStream out = new BufferedOutputStream(temp.out(), 1 << 16)) {
        content.writeTo(out);
      }
      Files.move(temp.path(), absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      temps.committed(temp.path());
    } catch (IOException e) {
      throw new IOException(ThrowableText.reason(e), e);
    } finally {
      if (temp != null && !moved) {
        temps.delete(temp.path());
      }
    }
  }

  /**
   * Writes a device or a pipe ({@code /dev/null}, {@code >(gzip)}) in place: a rename would put a
   * regular file where it was (as root, over {@code /dev/null} itself) and write to nobody.
   */
  private static void writeSpecial(Path target, Content content) throws IOException {
    try (OutputStream out = new BufferedOutputStream(
        Files.newOutputStream(target, StandardOpenOption.WRITE), 1 << 16)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new IOException(ThrowableText.reason(e), e);
    }
  }

  /**
   * Creates and opens a new file {@code prefix<random>.tmp} in {@code dir}: exclusively
   * ({@code O_EXCL}, which also refuses a link), with {@code permissions} before the umask.
   */
  static Temp createTemp(Path dir, String prefix, Set<PosixFilePermission> permissions,
      TempFiles temps) throws IOException {
    FileAttribute<?>[] attributes =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
            : new FileAttribute<?>[0];
    for (int draw = 1; ; draw++) {
      Path path = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      try {
        // Through the run's registry of temporary files, which a second interrupt empties.
        return new Temp(path, temps.openNew(path, p -> Channels.newOutputStream(
            Files.newByteChannel(p, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), attributes))));
      } catch (FileAlreadyExistsException e) {
        if (draw == NAME_DRAWS) {
          throw e;
        }
      }
    }
  }
}
