package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.imgdl.result.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * What the committed results of an earlier run over the same OUTPUT already hold: rows whose
 * image is in a shard (downloaded, or carried over before) and whose id still has the same URL.
 * They are carried into the new results as {@code skipped}, with their shard and member, and
 * not fetched again. Other rows (failed, or an input that changed) are planned as new.
 */
final class Resume {
  private Resume() {}

  /** The carried rows: the input's columns, then the result columns; empty on a first run. */
  static Dataset<Row> carried(SparkSession spark, Dataset<Row> table, OutputPaths out) {
    Path results = out.results();
    try {
      FileSystem fs = out.fileSystem(spark);
      if (!fs.exists(results)) {
        return empty(spark, table);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Dataset<Row> old = spark.read().parquet(results.toString())
        .where(col(ResultColumns.STATUS).isin(Status.DOWNLOADED.label(), Status.SKIPPED.label())
            .and(col(ResultColumns.SHARD).isNotNull()))
        .select(col(InputTable.ID).as("_old_id"), col(InputTable.URL).as("_old_url"),
            col("sha256").as("_sha256"), col("bytes").as("_bytes"), col("width").as("_width"),
            col("height").as("_height"), col("content_type").as("_content_type"),
            col("shard").as("_shard"), col("member").as("_member"));
    Dataset<Row> joined = table.join(old, col(InputTable.ID).equalTo(col("_old_id"))
        .and(ResultColumns.redacted(spark, col(InputTable.URL)).equalTo(col("_old_url"))));
    List<Column> columns = new ArrayList<>();
    for (String name : table.columns()) {
      columns.add(col("`" + name + "`"));
    }
    for (StructField f : ResultColumns.SCHEMA.fields()) {
      Column value = switch (f.name()) {
        case ResultColumns.STATUS -> lit(Status.SKIPPED.label());
        case "sha256", "bytes", "width", "height", "content_type", "shard", "member" ->
            col("_" + f.name());
        case "millis" -> lit(0L);
        default -> lit(null);
      };
      columns.add(value.cast(f.dataType()).as(f.name()));
    }
    return joined.select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> empty(SparkSession spark, Dataset<Row> table) {
    return spark.createDataFrame(List.of(), ResultColumns.after(table.schema()));
  }
}
