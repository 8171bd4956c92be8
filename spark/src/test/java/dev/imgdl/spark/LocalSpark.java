package dev.imgdl.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a test class: local, on 127.0.0.1 only (driver, block manager), no UI,
 * few shuffle partitions, so that a small test does not pay for Spark's defaults.
 */
final class LocalSpark {
  private LocalSpark() {}

  /** A session of {@code master} ({@code local[2]}, ...) named {@code app}. */
  static SparkSession session(String master, String app, int shufflePartitions) {
    return builder(master, app, shufflePartitions).getOrCreate();
  }

  /** The builder of such a session, for a test that adds a setting of its own. */
  static SparkSession.Builder builder(String master, String app, int shufflePartitions) {
    return SparkSession.builder()
        .master(master)
        .appName(app)
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.port", "0")
        .config("spark.blockManager.port", "0")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
  }

  /** A {@code local[2]} session named {@code app}. */
  static SparkSession session(String app) {
    return session("local[2]", app, 2);
  }
}
