package dev.imgdl.core.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which shards an earlier run completed: the tar, the metadata file and the stats exist under
 * their final names (see {@link ShardWriter} for why that is the test). A resumed run sends no
 * request for their entries. A shard with its tar and metadata but no stats was written whole by
 * an imgdl before stats (or one that died between the last two renames): its entries need no
 * request either, and its stats are made from its metadata.
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
    return whole(shard) && Files.isRegularFile(dir.resolve(keys.stats(shard)));
  }

  /** Whether the shard's tar and metadata are whole, with or without its stats. */
  public boolean whole(int shard) {
    return Files.isRegularFile(dir.resolve(keys.tar(shard)))
        && Files.isRegularFile(dir.resolve(keys.metadata(shard, metadata)));
  }
}
