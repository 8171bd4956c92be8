package dev.imgdl.spark;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the results, after the input's ({@code id}, {@code url}, {@code caption}, the
 * saved columns): what happened to the row, and where its image is: {@code shard}, the path of
 * its tar under OUTPUT, and {@code member}, its name in the tar. {@code partition} is the task
 * that downloaded it (null for rows settled by the driver: invalid, duplicate, carried over).
 */
final class ResultColumns {
  static final String STATUS = "status";
  static final String SHARD = "shard";

  /** Names a saved column may not take (it gets a {@code saved.} prefix instead). */
  static final List<String> FIXED = List.of(InputTable.ID, InputTable.URL, InputTable.CAPTION,
      "status", "error", "sha256", "bytes", "width", "height", "content_type", "partition",
      "shard", "member", "millis");

  /** The result columns, in order. */
  static final StructType SCHEMA = new StructType(new StructField[] {
      field(STATUS, DataTypes.StringType),
      field("error", DataTypes.StringType),
      field("sha256", DataTypes.StringType),
      field("bytes", DataTypes.LongType),
      field("width", DataTypes.IntegerType),
      field("height", DataTypes.IntegerType),
      field("content_type", DataTypes.StringType),
      field("partition", DataTypes.IntegerType),
      field(SHARD, DataTypes.StringType),
      field("member", DataTypes.StringType),
      field("millis", DataTypes.LongType)});

  private ResultColumns() {}

  /** {@code input}'s columns followed by the result columns. */
  static StructType after(StructType input) {
    StructType out = input;
    for (StructField f : SCHEMA.fields()) {
      out = out.add(f);
    }
    return out;
  }

  /** The result columns of a row the driver settles: a status and an error, nothing else. */
  static Column[] settled(Column status, Column error) {
    Column[] columns = new Column[SCHEMA.fields().length];
    for (int i = 0; i < columns.length; i++) {
      StructField f = SCHEMA.fields()[i];
      Column value = switch (f.name()) {
        case STATUS -> status;
        case "error" -> error;
        default -> org.apache.spark.sql.functions.lit(null);
      };
      columns[i] = value.cast(f.dataType()).as(f.name());
    }
    return columns;
  }

  /** {@code url} with its credentials hidden, as the core's report shows it (a UDF). */
  static Column redacted(org.apache.spark.sql.SparkSession spark, Column url) {
    spark.udf().register("imgdl_redact",
        (org.apache.spark.sql.api.java.UDF1<String, String>) u ->
            u == null ? null : dev.imgdl.text.Credentials.redact(u),
        DataTypes.StringType);
    return org.apache.spark.sql.functions.callUDF("imgdl_redact", url);
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
