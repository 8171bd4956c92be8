package dev.imgdl.download;

import dev.imgdl.input.NamePlanner;
import dev.imgdl.input.TargetName;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which planned targets already exist in the output directory, from one listing of it, so that a
 * re-run of a long list costs one directory read instead of a file-system lookup per entry, and
 * so that process mode starts no child for a chunk that has nothing left to download. The listing
 * is made once, before planning starts; tasks are then checked as they are planned.
 */
public final class ExistingTargets {
  private final Path dir;
  private final Set<String> names;

  private ExistingTargets(Path dir, Set<String> names) {
    this.dir = dir;
    this.names = names;
  }

  /** Lists {@code dir}, which must exist. */
  public static ExistingTargets scan(Path dir) throws IOException {
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.startsWith(TempFiles.PREFIX)) {
          names.add(name);
        }
      }
    }
    return new ExistingTargets(dir, names);
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
    return found == null ? null : skipped(task.index(), worker, found, 0);
  }

  /** The result of an entry whose target exists: no request is sent. */
  public static Result skipped(int index, int worker, Path existing, long millis) {
    long size;
    try {
      size = Files.size(existing);
    } catch (IOException e) {
      size = 0;
    }
    return new Result(index, Status.SKIPPED, existing.getFileName().toString(), size, null, null,
        null, 0, worker, millis, null);
  }
}
