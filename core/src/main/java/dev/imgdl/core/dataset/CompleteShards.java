package dev.imgdl.core.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which shards an earlier run completed: both the tar and the metadata file exist under their
 * final names (see {@link ShardWriter} for why that is the test). A resumed run sends no request
 * for their entries.
 */
public final class CompleteShards {
  private final Path dir;
  private final ShardKeys keys;
  private final OutputLayout.Metadata metadata;

  public CompleteShards(Path dir, ShardKeys keys, OutputLayout.Metadata metadata) {
    this.dir = dir;
    this.keys = keys;
    this.metadata = metadata;
  }

  public boolean complete(int shard) {
    return Files.isRegularFile(dir.resolve(keys.tar(shard)))
        && Files.isRegularFile(dir.resolve(keys.metadata(shard, metadata)));
  }
}
