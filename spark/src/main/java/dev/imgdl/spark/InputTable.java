package dev.imgdl.spark;

import dev.imgdl.core.dataset.SavedColumns;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.core.text.Excerpt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * INPUT read as the CLI reads it, as a table of {@code id} (the row's 0-based position in the
 * input, from {@code zipWithIndex}: the same on every run over the same files), {@code url},
 * {@code caption}, the saved columns, with {@code --verify-hash} the hash cell's hex digits
 * ({@link #HASH}), and the reader's reason for an invalid row ({@link #REASON}), in that order.
 * Lists and text tables are read by the core's readers ({@link FileEntries}), one file whole in
 * one task, the files in {@link InputFiles}' order; Parquet by Spark's reader. The table is
 * persisted and counted here, so a malformed row stops the run before any request, with the
 * core's message ({@code FILE:LINE: ...}) as an {@link InputException}; so does a missing
 * column, in the CLI's words.
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
  /** Why the reader found a row invalid (the CLI's reason): for the planner, not the results. */
  static final String REASON = "_imgdl_invalid_reason";

  private InputTable() {}

  static Dataset<Row> read(SparkSession spark, JobSettings s) throws IOException {
    if (s.format() == InputFormat.PARQUET) {
      return ParquetTable.read(spark, s);
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<InputFiles.InputFile> files =
        InputFiles.list(s.input(), spark.sparkContext().hadoopConfiguration());
    SerializableConfiguration conf =
        new SerializableConfiguration(spark.sparkContext().hadoopConfiguration());
    JavaRDD<FileEntries.Read> reads = sc.parallelize(files, Math.max(1, files.size()))
        .flatMap(f -> FileEntries.read(f, s, conf.value()).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The first file's error in input order (take reads the partitions in order).
      List<FileEntries.Read> failed = reads.filter(r -> r.error() != null).take(1);
      if (!failed.isEmpty()) {
        throw new InputException(failed.get(0).error(), null);
      }
      int saved = s.saveCols().size();
      List<DataType> types = SavedTypes.of(reads.map(FileEntries.Read::values), 3, saved);
      StructType schema = schema(s, types);
      JavaRDD<Row> rows = reads.zipWithIndex()
          .map(pair -> row(pair._2(), pair._1().values(), types));
      Dataset<Row> table = spark.createDataFrame(rows, schema)
          .persist(StorageLevel.MEMORY_AND_DISK());
      table.count();
      return table;
    } finally {
      reads.unpersist(false);
    }
  }

  /** A saved column's name in the results: one of the fixed names gets a {@code saved.} prefix. */
  static String savedName(String name) {
    return SavedColumns.name(name, ResultColumns.FIXED);
  }

  /** The CLI's message for a column the table lacks. */
  static InputException noColumn(String source, String name, List<String> names) {
    return new InputException(source + ": no column \"" + Excerpt.text(name)
        + "\" (columns: " + Excerpt.names(names) + ")", null);
  }

  private static StructType schema(JobSettings s, List<DataType> types) {
    StructType schema = new StructType()
        .add(ID, DataTypes.LongType, false)
        .add(URL, DataTypes.StringType)
        .add(CAPTION, DataTypes.StringType);
    for (int i = 0; i < types.size(); i++) {
      schema = schema.add(savedName(s.saveCols().get(i)), types.get(i));
    }
    if (s.hash() != null) {
      schema = schema.add(HASH, DataTypes.StringType);
    }
    return schema.add(REASON, DataTypes.StringType);
  }

  /** The table's row: id, url, caption, saved values of the column's type, hash, reason. */
  private static Row row(long id, Object[] values, List<DataType> types) {
    Object[] out = new Object[values.length + 1];
    out[0] = id;
    out[1] = values[1];
    out[2] = values[2];
    for (int i = 3; i < values.length; i++) {
      int saved = i - 3;
      out[i] = saved < types.size() ? SavedTypes.value(values[i], types.get(saved)) : values[i];
    }
    out[values.length] = values[0];
    return RowFactory.create(out);
  }

  /** Columns of a Parquet INPUT, read by Spark, in the table's order. */
  static List<Column> columns(Dataset<Row> raw, JobSettings s) {
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
    picked.add(org.apache.spark.sql.functions.lit(null).cast(DataTypes.StringType).as(REASON));
    return picked;
  }

  private static Column column(Dataset<Row> raw, List<String> names, String name,
      JobSettings s) {
    if (!names.contains(name)) {
      throw noColumn(s.input(), name, names);
    }
    return raw.col("`" + name + "`");
  }
}
