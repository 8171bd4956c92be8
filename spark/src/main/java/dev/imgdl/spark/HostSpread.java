package dev.imgdl.spark;

import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;

import dev.imgdl.core.input.UrlValidator;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple2;

/**
 * How the rows to download are spread over the tasks: by id ranges when no host is limited (as
 * always), and by host ({@link HostPlan}) with {@code --per-host} or {@code --rate}, the driver
 * counting the rows of each host first. A row's host is the one the core's gate keys (the URL's
 * host as OkHttp parses it, lower case).
 *
 * @param rows the rows to download, in {@code partitions} partitions
 * @param plan the host plan the tasks take their gates' shares from, or null
 */
record HostSpread(Dataset<Row> rows, HostPlan plan) {
  private static final String HOST = "imgdl_host";

  static HostSpread of(SparkSession spark, Dataset<Row> toFetch, JobSettings settings) {
    int partitions = settings.partitions();
    if (!HostPlan.applies(settings.perHost(), settings.rate())) {
      return new HostSpread(toFetch.repartitionByRange(partitions, col(InputTable.ID)), null);
    }
    spark.udf().register(HOST, (UDF1<String, String>) HostSpread::host, DataTypes.StringType);
    Map<String, Long> counts = new HashMap<>();
    for (Row r : toFetch.groupBy(callUDF(HOST, col(InputTable.URL))).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    HostPlan plan = HostPlan.of(counts, partitions, settings.perHost(), settings.rate());
    int id = toFetch.schema().fieldIndex(InputTable.ID);
    int url = toFetch.schema().fieldIndex(InputTable.URL);
    JavaRDD<Row> spread = toFetch.javaRDD()
        .mapToPair(r -> new Tuple2<>(plan.partition(host(r.getString(url)), r.getLong(id)), r))
        .partitionBy(new Exact(partitions))
        .values();
    return new HostSpread(spark.createDataFrame(spread, toFetch.schema()), plan);
  }

  /** The host of a URL the planner let by (so a valid one), as the core's gate keys it. */
  static String host(String url) {
    return UrlValidator.check(url.strip()).host();
  }

  /** Keys that are partition numbers already. */
  private static final class Exact extends Partitioner {
    private final int partitions;

    Exact(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (Integer) key;
    }
  }
}
