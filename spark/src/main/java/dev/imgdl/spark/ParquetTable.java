package dev.imgdl.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A Parquet INPUT, read by Spark's reader (its rows cannot be malformed text, and it is read by
 * row groups, not whole), as {@link InputTable}'s table: ids from {@code zipWithIndex}, in a
 * file the rows' order, as the CLI numbers them.
 */
final class ParquetTable {
  private ParquetTable() {}

  static Dataset<Row> read(SparkSession spark, JobSettings s) {
    Dataset<Row> raw = spark.read().parquet(s.input());
    Dataset<Row> table = raw.select(InputTable.columns(raw, s).toArray(Column[]::new));
    StructType schema = new StructType().add(InputTable.ID, DataTypes.LongType, false);
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
    Dataset<Row> out = spark.createDataFrame(rows, schema).persist(StorageLevel.MEMORY_AND_DISK());
    out.count();
    return out;
  }
}
