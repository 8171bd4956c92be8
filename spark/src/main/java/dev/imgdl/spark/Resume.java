package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * They are carried into the new results as {@code skipped}, keeping their shard, member and what
 * describes the image ({@link ResultField.Output#CARRIED}), and not fetched again. Other rows
 * (failed, or an input that changed) are planned as new. Results of an older version are read
 * too: a column they name otherwise is renamed, one they lack is null.
 */
final class Resume {
  /** Columns that results written by an older version name otherwise: old name, new name. */
  private static final Map<String, String> RENAMED =
      Map.of("content_type", ResultField.CONTENT_TYPE.label());

  /** What a carried row has in the fields it does not keep: those of a skipped entry. */
  private static final Result SKIPPED = Result.builder(0, Status.SKIPPED).build();

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
    Dataset<Row> old = renamed(spark.read().parquet(results.toString()));
    Set<String> oldColumns = Set.of(old.columns());
    List<String> keptNames = kept();
    List<Column> kept = new ArrayList<>(List.of(col(InputTable.ID).as("_old_id"),
        col(InputTable.URL).as("_old_url")));
    for (String name : keptNames) {
      kept.add((oldColumns.contains(name) ? col(name) : lit(null)).as("_" + name));
    }
    old = old.where(col(ResultColumns.STATUS)
            .isin(Status.DOWNLOADED.label(), Status.SKIPPED.label())
            .and(col(ResultColumns.SHARD).isNotNull()))
        .select(kept.toArray(Column[]::new));
    Dataset<Row> joined = table.join(old, col(InputTable.ID).equalTo(col("_old_id"))
        .and(ResultColumns.redacted(spark, col(InputTable.URL)).equalTo(col("_old_url"))));
    List<Column> columns = new ArrayList<>();
    for (String name : table.columns()) {
      columns.add(col("`" + name + "`"));
    }
    for (StructField f : ResultColumns.SCHEMA.fields()) {
      ResultField field = ResultField.labelled(f.name());
      Column value = keptNames.contains(f.name()) ? col("_" + f.name())
          : lit(field == null ? null : field.value(SKIPPED, ResultField.Output.SPARK));
      columns.add(value.cast(f.dataType()).as(f.name()));
    }
    return joined.select(columns.toArray(Column[]::new));
  }

  /** The columns a carried row keeps from the earlier results. */
  private static List<String> kept() {
    List<String> names = new ArrayList<>();
    for (ResultField field : ResultField.in(ResultField.Output.CARRIED)) {
      names.add(field.label());
    }
    names.add(ResultColumns.SHARD);
    names.add(ResultColumns.MEMBER);
    return names;
  }

  private static Dataset<Row> renamed(Dataset<Row> old) {
    Set<String> columns = Set.of(old.columns());
    for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
      if (columns.contains(rename.getKey()) && !columns.contains(rename.getValue())) {
        old = old.withColumnRenamed(rename.getKey(), rename.getValue());
      }
    }
    return old;
  }

  private static Dataset<Row> empty(SparkSession spark, Dataset<Row> table) {
    return spark.createDataFrame(List.of(), ResultColumns.after(table.schema()));
  }
}
