package dev.imgdl.shards;

import dev.imgdl.dataset.OutputLayout;
import dev.imgdl.dataset.ShardKeys;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import java.util.List;

/**
 * Where each planned entry is written by its worker, from its position in the input: its planned
 * name in a numbered subfolder with {@code --subdirs}, or, for webdataset, a staging file {@code
 * .imgdl-RUN-stage-KEY.EXT} in the output directory that {@link ShardAssembler} moves into its
 * shard. Staging names carry the run's temporary prefix, so an interrupt sweeps them.
 */
public final class Placement {
  /** What marks a staged download in a temporary file name, of any run. */
  public static final String STAGE_MARK = "-stage-";

  private Placement() {}

  public static List<Task> place(List<Task> tasks, OutputLayout layout, String runId) {
    if (layout.webdataset()) {
      ShardKeys keys = new ShardKeys(layout.shardSize());
      String prefix = TempFiles.PREFIX + runId + STAGE_MARK;
      return tasks.stream()
          .map(t -> new Task(t.index(), t.url(), prefix + keys.key(t.index()), t.extension()))
          .toList();
    }
    if (layout.subdirs() > 0) {
      return tasks.stream()
          .map(t -> new Task(t.index(), t.url(), layout.folder(t.index()) + t.stem(),
              t.extension()))
          .toList();
    }
    return tasks;
  }
}
