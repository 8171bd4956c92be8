package dev.imgdl.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The layout of OUTPUT: {@code results/} (Parquet, the committed results: one row per input
 * row), {@code shards/RUN/part-NNNNN-aA.tar} (one tar per task attempt that reached its upload;
 * those no committed result names are deleted at the end of the run), and {@code
 * summary.json}. A run writes its results to {@code results-RUN/} first and swaps them in.
 */
record OutputPaths(String output, String runId) implements Serializable {

  Path results() {
    return new Path(output, "results");
  }

  Path staging() {
    return new Path(output, "results-" + runId);
  }

  Path shards() {
    return new Path(output, "shards");
  }

  Path summary() {
    return new Path(output, "summary.json");
  }

  /**
   * A shard's path relative to OUTPUT, as the results name it: the task's partition, the stage
   * attempt when it is not the first (a stage re-run after a lost shuffle restarts attempt
   * numbers), and the task attempt.
   */
  String shard(int partition, int stageAttempt, int attempt) {
    String stage = stageAttempt == 0 ? "" : String.format("-s%d", stageAttempt);
    return String.format("shards/%s/part-%05d%s-a%d.tar", runId, partition, stage, attempt);
  }

  Path resolve(String relative) {
    return new Path(output, relative);
  }

  FileSystem fileSystem(SparkSession spark) {
    return fileSystem(spark.sparkContext().hadoopConfiguration());
  }

  FileSystem fileSystem(Configuration conf) {
    try {
      return new Path(output).getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
