package dev.imgdl.report;

import dev.imgdl.input.Entry;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes the {@code --failed} file: the URL of every failed entry as given (credentials kept, so
 * the file is readable by its owner only), one per line, a valid input for the next run.
 * Invalid entries are left out: running them again cannot succeed.
 */
public final class FailedList {
  private FailedList() {}

  public static void write(Path path, List<Entry> entries, Result[] results) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path temp =
        absolute.resolveSibling(".imgdl-failed-" + ProcessHandle.current().pid() + ".tmp");
    try {
      createPrivate(temp);
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        for (int i = 0; i < results.length; i++) {
          if (results[i].status() == Status.FAILED) {
            out.write(entries.get(i).url());
            out.write('\n');
          }
        }
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void createPrivate(Path temp) throws IOException {
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          temp,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
  }
}
