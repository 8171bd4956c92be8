package dev.imgdl.core.dataset;

/**
 * The names of a sharded dataset, from each entry's position in the input: shard {@code
 * index / size}, and a key of the shard number (5 digits) and the position in the shard (as
 * many digits as the largest position needs, at least 4), so {@code 000010042} is entry 42 of
 * shard 1 at the default size. The same input and size give the same names on every run.
 */
public record ShardKeys(int size) {
  public ShardKeys {
    if (size < 1) {
      throw new IllegalArgumentException("shard size must be at least 1: " + size);
    }
  }

  public int shard(int index) {
    return index / size;
  }

  /** The first entry index of {@code shard}. */
  public int first(int shard) {
    return shard * size;
  }

  public String key(int index) {
    int digits = Math.max(4, Integer.toString(size - 1).length());
    return String.format("%05d%0" + digits + "d", shard(index), index % size);
  }

  public String tar(int shard) {
    return String.format("%05d.tar", shard);
  }

  /** The shard's statistics, img2dataset's name: {@code 00001_stats.json}. */
  public String stats(int shard) {
    return String.format("%05d_stats.json", shard);
  }

  public String metadata(int shard, OutputLayout.Metadata format) {
    return String.format("%05d.%s", shard, format.extension());
  }
}
