package dev.imgdl.spark;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dev.imgdl.core.input.HashColumn;
import dev.imgdl.core.input.UrlValidator;
import dev.imgdl.core.result.Status;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The driver's plan, as Spark operations over the input table: a row the reader found invalid
 * keeps the reader's reason (the CLI's); each other URL checked by the core's
 * {@link UrlValidator} (a UDF, run by the executors; with {@code --verify-hash}, after the
 * core's check of the row's hash cell, as the CLI reads a row), duplicates found by the core's
 * dedup key
 * (the row with the lowest id wins, so the first in input order), and the rows a committed
 * result already holds taken out. What is left is what the tasks download.
 *
 * @param settled invalid and duplicate rows, with their result columns
 * @param toFetch the rows to download (the input's columns only, the reader's reason left out)
 */
record Planner(Dataset<Row> settled, Dataset<Row> toFetch) {
  private static final String CHECK = "imgdl_check_url";
  private static final StructType CHECKED = new StructType()
      .add("error", DataTypes.StringType)
      .add("key", DataTypes.StringType);

  static Planner plan(SparkSession spark, Dataset<Row> table, Dataset<Row> carried,
      HashColumn hash) {
    spark.udf().register(CHECK, (UDF3<String, String, String, Row>) (url, cell, reason) ->
        reason != null ? RowFactory.create(reason, null) : check(url, hash, cell), CHECKED);
    Column cell = hash == null ? lit(null).cast(DataTypes.StringType) : col(InputTable.HASH);
    List<Column> inputColumns = new ArrayList<>();
    for (String name : table.columns()) {
      if (!name.equals(InputTable.REASON)) {
        inputColumns.add(col("`" + name + "`"));
      }
    }
    // Duplicates are found over the whole input, carried rows included, before those go.
    Dataset<Row> checked = table
        .withColumn("_check", callUDF(CHECK, col(InputTable.URL), cell,
            col(InputTable.REASON)))
        .withColumn("_first", min(col(InputTable.ID))
            .over(Window.partitionBy(col("_check.key"))))
        .join(carried.select(col(InputTable.ID).as("_carried")),
            col(InputTable.ID).equalTo(col("_carried")), "left_anti");
    Column invalid = col("_check.error").isNotNull();
    Column duplicate = col("_first").notEqual(col(InputTable.ID)).and(invalid.unary_$bang());
    Column[] input = inputColumns.toArray(Column[]::new);

    Column status = when(invalid, lit(Status.INVALID.label()))
        .otherwise(lit(Status.DUPLICATE.label()));
    Column error = when(invalid, col("_check.error"))
        .otherwise(concat(lit("duplicate of row "), col("_first").plus(1).cast("string")));
    Dataset<Row> settled = checked.where(invalid.or(duplicate))
        .select(both(input, ResultColumns.settled(status, error)));
    Dataset<Row> toFetch = checked.where(invalid.or(duplicate).unary_$bang()).select(input);
    return new Planner(settled, toFetch);
  }

  /**
   * The row's reason to be invalid and its URL's dedup key (null when invalid): no URL, then a
   * hash cell that holds no hash to check ({@code hash} null: none asked), then the URL's checks.
   */
  private static Row check(String url, HashColumn hash, String cell) {
    if (url == null || url.isBlank()) {
      return RowFactory.create("no URL", null);
    }
    String problem = hash == null ? null : hash.problem(cell);
    if (problem != null) {
      return RowFactory.create(problem, null);
    }
    try {
      var parsed = UrlValidator.check(url.strip());
      return RowFactory.create(null, UrlValidator.dedupKey(parsed));
    } catch (UrlValidator.InvalidUrlException e) {
      return RowFactory.create(e.getMessage(), null);
    }
  }

  private static Column[] both(Column[] a, Column[] b) {
    Column[] out = new Column[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
