package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import dev.imgdl.core.dataset.SavedColumns;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.core.text.Excerpt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * INPUT read with Spark's own readers (any Hadoop file system), as a table of {@code id} (the
 * row's 0-based position in the input, from {@code zipWithIndex}: the same on every run over the
 * same files, unlike {@code monotonically_increasing_id}), {@code url}, {@code caption}, the
 * saved columns and, with {@code --verify-hash}, the hash cell as text ({@link #HASH}), in that
 * order. A missing column is an {@link UsageException} naming it.
 */
final class InputTable {
  static final String ID = "id";
  static final String URL = "url";
  static final String CAPTION = "caption";
  /**
   * The expected hash's cell: the tasks read it, the results and the tars leave it out (the
   * CLI's report has it only as a saved column), so the name is one no input is likely to use.
   */
  static final String HASH = "_imgdl_expected_hash";

  private InputTable() {}

  static Dataset<Row> read(SparkSession spark, JobSettings s) {
    Dataset<Row> raw = switch (s.format()) {
      // As the CLI reads a list: blank lines and # comments are not entries.
      case LINES -> spark.read().text(s.input())
          .where(trim(col("value")).notEqual("")
              .and(trim(col("value")).startsWith("#").unary_$bang()))
          .withColumnRenamed("value", s.urlCol());
      case CSV -> spark.read().option("header", true).option("multiLine", true)
          .option("mode", "FAILFAST").csv(s.input());
      case TSV -> spark.read().option("header", true).option("sep", "\t")
          .option("mode", "FAILFAST").csv(s.input());
      case JSONL -> spark.read().option("mode", "FAILFAST").json(s.input());
      case PARQUET -> spark.read().parquet(s.input());
    };
    List<String> names = Arrays.asList(raw.columns());
    List<Column> picked = new ArrayList<>();
    picked.add(column(raw, names, s.urlCol(), s).cast(DataTypes.StringType).as(URL));
    picked.add(s.captionCol() == null
        ? org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType).as(CAPTION)
        : column(raw, names, s.captionCol(), s).cast(DataTypes.StringType).as(CAPTION));
    for (String saved : s.saveCols()) {
      picked.add(column(raw, names, saved, s).as(savedName(saved)));
    }
    if (s.hash() != null) {
      picked.add(column(raw, names, s.hash().column(), s).cast(DataTypes.StringType).as(HASH));
    }
    Dataset<Row> table = raw.select(picked.toArray(Column[]::new));
    return withIds(spark, table);
  }

  /** A saved column's name in the results: one of the fixed names gets a {@code saved.} prefix. */
  static String savedName(String name) {
    return SavedColumns.name(name, ResultColumns.FIXED);
  }

  private static Column column(Dataset<Row> raw, List<String> names, String name,
      JobSettings s) {
    if (!names.contains(name)) {
      throw new UsageException(s.input() + ": no column '" + Excerpt.text(name)
          + "' (columns: " + Excerpt.names(names) + ")");
    }
    return raw.col("`" + name + "`");
  }

  private static Dataset<Row> withIds(SparkSession spark, Dataset<Row> table) {
    StructType schema = new StructType()
        .add(ID, DataTypes.LongType, false);
    for (var field : table.schema().fields()) {
      schema = schema.add(field);
    }
    JavaRDD<Row> rows = table.javaRDD().zipWithIndex().map(pair -> {
      Row row = pair._1();
      Object[] values = new Object[row.length() + 1];
      values[0] = pair._2();
      for (int i = 0; i < row.length(); i++) {
        values[i + 1] = row.get(i);
      }
      return RowFactory.create(values);
    });
    return spark.createDataFrame(rows, schema);
  }
}
