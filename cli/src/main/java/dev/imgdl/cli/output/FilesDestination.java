package dev.imgdl.cli.output;

import dev.imgdl.core.download.ExistingTargets;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.util.List;

/**
 * Plain files, in the output directory or its {@code --subdirs} folders: a task whose target
 * exists is skipped (from one listing made before planning, unless {@code --overwrite}), and
 * results are filed as they come.
 */
public final class FilesDestination implements Destination {
  private final Placement placement;
  private final ExistingTargets existing;

  /** @param existing the output directory's listing, or null with {@code --overwrite} */
  public FilesDestination(Placement placement, ExistingTargets existing) {
    this.placement = placement;
    this.existing = existing;
  }

  @Override
  public Task place(Task task) {
    return placement.place(task);
  }

  @Override
  public Result skip(Task task, int worker) {
    return existing == null ? null : existing.skip(task, worker);
  }

  @Override
  public List<Result> settle(Result result) {
    return List.of(result);
  }
}
