package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once, the last step: a task attempt that failed or lost to another after its upload
 * left a tar no committed result names; every such file under {@code shards/} is deleted, and
 * so are the run folders left empty.
 */
final class ShardCleanup {
  private static final Logger log = LoggerFactory.getLogger(ShardCleanup.class);

  private ShardCleanup() {}

  /** Deletes what no row of {@code committed} names; returns how many files it deleted. */
  static int deleteUnreferenced(Dataset<Row> committed, FileSystem fs, OutputPaths paths)
      throws IOException {
    Set<String> named = new HashSet<>();
    for (Row r : committed.select(col(ResultColumns.SHARD)).where(col(ResultColumns.SHARD)
        .isNotNull()).distinct().collectAsList()) {
      named.add(fs.makeQualified(paths.resolve(r.getString(0))).toString());
    }
    Path root = paths.shards();
    if (!fs.exists(root)) {
      return 0;
    }
    int deleted = 0;
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (!named.contains(fs.makeQualified(file).toString())) {
        log.info("deleting {}: no committed result names it", file);
        fs.delete(file, false);
        deleted++;
      }
    }
    for (FileStatus dir : fs.listStatus(root)) {
      if (dir.isDirectory() && fs.listStatus(dir.getPath()).length == 0) {
        fs.delete(dir.getPath(), false);
      }
    }
    return deleted;
  }
}
