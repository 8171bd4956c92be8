package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One run on Spark: the driver plans ({@link Planner}, {@link Resume}), the tasks download
 * ({@link DownloadStage}, {@link PartitionDownload}) inside the job that writes the results
 * through Spark's output committer, so only one attempt of each task is committed; then the
 * committed results replace the old ones, the summary is made from them, and the shards they do
 * not name are deleted.
 */
final class SparkJob {
  private final SparkSession spark;
  private final JobSettings settings;
  private final OutputPaths paths;

  SparkJob(SparkSession spark, JobSettings settings) {
    this.spark = spark;
    this.settings = settings;
    String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    this.paths = new OutputPaths(settings.output(), runId);
  }

  RunSummary run() throws IOException {
    // Read (and numbered) once: planning, resume and the downloads all see the same ids.
    Dataset<Row> table = InputTable.read(spark, settings).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> carried = Resume.carried(spark, table, paths).drop(InputTable.REASON);
      Planner plan = Planner.plan(spark, table, carried, settings.hash());
      SerializableConfiguration hadoop =
          new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
      HostSpread spread = HostSpread.of(spark, plan.toFetch(), settings);
      Dataset<Row> results = DownloadStage.results(spark, plan, carried, spread.rows(),
              new PartitionDownload(settings, paths, hadoop, spread.plan()))
          .withColumn(InputTable.URL, ResultColumns.redacted(spark, col(InputTable.URL)))
          .drop(InputTable.HASH);
      results.write().parquet(paths.staging().toString());
    } finally {
      table.unpersist();
    }
    swapResults();
    Dataset<Row> committed = spark.read().parquet(paths.results().toString());
    RunSummary summary = RunSummary.of(committed, paths);
    summary.write(paths.fileSystem(spark), paths.summary());
    ShardCleanup.deleteUnreferenced(committed, paths.fileSystem(spark), paths);
    return summary;
  }

  /** The new results become the committed ones: results-RUN/ is renamed to results/. */
  private void swapResults() throws IOException {
    FileSystem fs = paths.fileSystem(spark);
    Path results = paths.results();
    Path old = new Path(settings.output(), "results-old-" + paths.runId());
    if (fs.exists(results) && !fs.rename(results, old)) {
      throw new IOException("cannot rename " + results + " to " + old);
    }
    if (!fs.rename(paths.staging(), results)) {
      throw new IOException("cannot rename " + paths.staging() + " to " + results);
    }
    fs.delete(old, true);
  }
}
