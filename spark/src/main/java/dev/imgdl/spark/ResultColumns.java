package dev.imgdl.spark;

import static org.apache.spark.sql.functions.lit;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the results, after the input's ({@code id}, {@code url}, {@code caption}, the
 * saved columns): what happened to the row, the core's result fields of {@link
 * ResultField.Output#SPARK} under the report's names, then where its image is: {@code shard},
 * the path of its tar under OUTPUT, and {@code member}, its name in the tar. {@code partition}
 * is the task that downloaded it (null for rows settled by the driver: invalid, duplicate,
 * carried over).
 */
final class ResultColumns {
  static final String STATUS = ResultField.STATUS.label();
  static final String PARTITION = "partition";
  static final String SHARD = "shard";
  static final String MEMBER = "member";

  /** The core's result fields among the columns, in order. */
  static final List<ResultField> FIELDS = ResultField.in(ResultField.Output.SPARK);

  /** The result columns, in order. */
  static final StructType SCHEMA = schema();

  /** Names a saved column may not take (it gets a {@code saved.} prefix instead). */
  static final List<String> FIXED = fixed();

  private ResultColumns() {}

  /** {@code input}'s columns followed by the result columns. */
  static StructType after(StructType input) {
    StructType out = input;
    for (StructField f : SCHEMA.fields()) {
      out = out.add(f);
    }
    return out;
  }

  /**
   * The input row {@code in} followed by its result columns: {@code r}'s fields, the task's
   * {@code partition}, and for a download its {@code shard} and its member in it.
   */
  static Row row(Row in, Result r, int partition, String shard) {
    boolean downloaded = r.status() == Status.DOWNLOADED;
    Object[] values = new Object[in.length() + SCHEMA.fields().length];
    int at = 0;
    for (; at < in.length(); at++) {
      values[at] = in.get(at);
    }
    for (ResultField field : FIELDS) {
      values[at++] = field.value(r, ResultField.Output.SPARK);
    }
    values[at++] = partition;
    values[at++] = downloaded ? shard : null;
    values[at] = downloaded ? r.file() : null;
    return RowFactory.create(values);
  }

  /**
   * The result columns of a row the driver settles: its status and error, and the other fields
   * of a result decided before any download (no shard, no partition).
   */
  static Column[] settled(Column status, Column error) {
    Result planned = Result.planned(0, Status.INVALID, null);
    Column[] columns = new Column[SCHEMA.fields().length];
    for (int i = 0; i < columns.length; i++) {
      StructField f = SCHEMA.fields()[i];
      ResultField field = ResultField.labelled(f.name());
      Column value = field == ResultField.STATUS ? status
          : field == ResultField.ERROR ? error
          : lit(field == null ? null : field.value(planned, ResultField.Output.SPARK));
      columns[i] = value.cast(f.dataType()).as(f.name());
    }
    return columns;
  }

  /** {@code url} with its credentials hidden, as the core's report shows it (a UDF). */
  static Column redacted(org.apache.spark.sql.SparkSession spark, Column url) {
    spark.udf().register("imgdl_redact",
        (org.apache.spark.sql.api.java.UDF1<String, String>) u ->
            u == null ? null : dev.imgdl.core.text.Credentials.redact(u),
        DataTypes.StringType);
    return org.apache.spark.sql.functions.callUDF("imgdl_redact", url);
  }

  /** The Spark type of a result field's values. */
  static DataType type(ResultField field) {
    return switch (field.type()) {
      case STRING -> DataTypes.StringType;
      case INT, NULLABLE_INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  private static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (ResultField field : FIELDS) {
      fields.add(field(field.label(), type(field)));
    }
    fields.add(field(PARTITION, DataTypes.IntegerType));
    fields.add(field(SHARD, DataTypes.StringType));
    fields.add(field(MEMBER, DataTypes.StringType));
    return new StructType(fields.toArray(StructField[]::new));
  }

  private static List<String> fixed() {
    List<String> names = new ArrayList<>(List.of(InputTable.ID, InputTable.URL,
        InputTable.CAPTION));
    names.addAll(List.of(SCHEMA.fieldNames()));
    return List.copyOf(names);
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
