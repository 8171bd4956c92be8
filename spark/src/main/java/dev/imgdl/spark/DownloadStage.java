package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The stage that downloads and writes the results: partition {@code i} of the write is download
 * partition {@code i} (numbered from 0, the number its tar carries), holding its downloads and a
 * share of the rows settled without one (invalid, duplicate, carried), so that no write task
 * holds only those. The rows to fetch come spread over the {@code --partitions} tasks ({@link
 * HostSpread}: by id ranges, or by host); the settled rows join the partitions that have
 * downloads.
 */
final class DownloadStage {
  private DownloadStage() {}

  /**
   * Every row's result: downloaded by {@code download}, or settled by the driver. {@code spread}
   * is the plan's rows to fetch in their partitions ({@link HostSpread}).
   */
  static Dataset<Row> results(SparkSession spark, Planner plan, Dataset<Row> carried,
      Dataset<Row> spread, PartitionDownload download) {
    StructType schema = ResultColumns.after(plan.toFetch().schema());
    JavaRDD<Row> fetch = spread
        .sortWithinPartitions(InputTable.ID)
        .javaRDD();
    int n = fetch.getNumPartitions();
    // One small job; the downloads' job below reuses its shuffle, so rows are planned once.
    List<Integer> busy = fetch.mapPartitionsWithIndex(
        (i, rows) -> rows.hasNext() ? List.of(i).iterator() : Collections.emptyIterator(),
        true).collect();
    Column[] order = new Column[schema.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = col("`" + schema.fieldNames()[i] + "`");
    }
    JavaRDD<Row> settled = plan.settled().unionByName(carried).select(order).javaRDD()
        .mapToPair(row -> new Tuple2<>(target(row.getLong(0), busy), row))
        // An Integer key below n is its own partition under hash partitioning.
        .partitionBy(new HashPartitioner(n))
        .values();
    JavaRDD<Row> downloaded = fetch.mapPartitionsWithIndex(download::call, true);
    JavaRDD<Row> all = downloaded.zipPartitions(settled, DownloadStage::concat);
    return spark.createDataFrame(all, schema);
  }

  /** The partition a settled row joins: one with downloads, spread by id; 0 when none has. */
  private static int target(long id, List<Integer> busy) {
    return busy.isEmpty() ? 0 : busy.get((int) Math.floorMod(id, (long) busy.size()));
  }

  private static Iterator<Row> concat(Iterator<Row> a, Iterator<Row> b) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return a.hasNext() || b.hasNext();
      }

      @Override
      public Row next() {
        return a.hasNext() ? a.next() : b.next();
      }
    };
  }
}
