package dev.imgdl.cli.output;

import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.dataset.ShardKeys;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Task;

/**
 * Where each planned entry is written by its worker, from its position in the input: its planned
 * name in a numbered subfolder with {@code --subdirs}, or, for webdataset, a staging file {@code
 * .imgdl-RUN-stage-KEY.EXT} in the output directory that {@link ShardAssembler} moves into its
 * shard. Staging names carry the run's temporary prefix, so an interrupt sweeps them.
 */
public final class Placement {
  /** What marks a staged download in a temporary file name, of any run. */
  public static final String STAGE_MARK = "-stage-";

  private final OutputLayout layout;
  private final ShardKeys keys;
  private final String stagePrefix;

  public Placement(OutputLayout layout, String runId) {
    this.layout = layout;
    this.keys = new ShardKeys(layout.shardSize());
    this.stagePrefix = TempFiles.PREFIX + runId + STAGE_MARK;
  }

  /** {@code task} with the name its worker writes; its parsed URL and hash travel with it. */
  public Task place(Task t) {
    if (layout.webdataset()) {
      return t.withStem(stagePrefix + keys.key(t.index()));
    }
    if (layout.subdirs() > 0) {
      return t.withStem(layout.folder(t.index()) + t.stem());
    }
    return t;
  }
}
