package dev.imgdl.core.download;

import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.input.TargetName;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which planned targets already exist in the output directory, from one listing of it, so that a
 * re-run of a long list costs one directory read instead of a file-system lookup per entry, and
 * so that process mode starts no child for a chunk that has nothing left to download. The listing
 * is made once, before planning starts; tasks are then checked as they are planned.
 */
public final class ExistingTargets {
  private static final Pattern SUBDIR = Pattern.compile("[0-9]{5,}");

  private final Path dir;
  private final Set<String> names;

  private ExistingTargets(Path dir, Set<String> names) {
    this.dir = dir;
    this.names = names;
  }

  /**
   * Lists {@code dir}, which must exist, and its {@code --subdirs} folders (five or more digits),
   * whose files are known as {@code 00042/name}.
   */
  public static ExistingTargets scan(Path dir) throws IOException {
    Set<String> names = new HashSet<>();
    list(dir, "", names);
    return new ExistingTargets(dir, names);
  }

  private static void list(Path dir, String prefix, Set<String> names) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.startsWith(TempFiles.PREFIX)) {
          continue;
        }
        names.add(prefix + name);
        if (prefix.isEmpty() && SUBDIR.matcher(name).matches() && Files.isDirectory(file)) {
          list(file, name + "/", names);
        }
      }
    }
  }

  /** The existing regular file that satisfies {@code name}, or null. */
  public Path find(TargetName name) {
    if (name.complete()) {
      return check(name.fileName(null));
    }
    Path bare = check(name.stem());
    if (bare != null) {
      return bare;
    }
    for (String extension : NamePlanner.IMAGE_EXTENSIONS) {
      Path path = check(name.fileName(extension));
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  private Path check(String fileName) {
    if (!names.contains(fileName)) {
      return null;
    }
    Path path = dir.resolve(fileName);
    return Files.isRegularFile(path) ? path : null;
  }

  /**
   * The result of {@code task} as skipped, for the worker whose chunk it was dealt to, when its
   * target exists; null when it is to be downloaded.
   */
  public Result skip(Task task, int worker) {
    Path found = find(task.name());
    if (found == null) {
      return null;
    }
    String file = dir.relativize(found).toString().replace('\\', '/');
    return skipped(task.index(), worker, found, file, 0);
  }

  /** The result of an entry whose target exists: no request is sent. */
  public static Result skipped(int index, int worker, Path existing, long millis) {
    return skipped(index, worker, existing, existing.getFileName().toString(), millis);
  }

  private static Result skipped(int index, int worker, Path existing, String file, long millis) {
    long size;
    try {
      size = Files.size(existing);
    } catch (IOException e) {
      size = 0;
    }
    return Result.builder(index, Status.SKIPPED).file(file).bytes(size).worker(worker)
        .millis(millis).build();
  }
}
