package dev.imgdl.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The summary of a run, counted from the committed results: the totals of the CLI's report
 * ({@link Summary}), and a table per partition (the per-worker table of the CLI: a task is the
 * worker here) with its shard, entries, downloads, failures, bytes and time.
 *
 * @param partitions one map per partition that downloaded in this run, by partition number
 */
record RunSummary(Summary totals, String runId, List<Map<String, Object>> partitions) {
  private static final String STATUS = ResultField.STATUS.label();
  private static final String BYTES = ResultField.BYTES.label();
  private static final String MILLIS = ResultField.MILLIS.label();

  static RunSummary of(Dataset<Row> committed, OutputPaths paths) {
    Status[] statuses = Status.values();
    List<Column> sums = new ArrayList<>();
    for (Status status : statuses) {
      sums.add(counted(status));
    }
    sums.add(sum(when(col(STATUS).equalTo(Status.DOWNLOADED.label()), col(BYTES))
        .otherwise(0L)));
    Row t = committed.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .first();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (int i = 0; i < statuses.length; i++) {
      counts.put(statuses[i], t.isNullAt(i) ? 0 : (int) t.getLong(i));
    }
    Summary totals = new Summary(counts, t.isNullAt(statuses.length) ? 0
        : t.getLong(statuses.length));
    List<Map<String, Object>> partitions = new ArrayList<>();
    String partition = ResultColumns.PARTITION;
    for (Row p : committed.where(col(partition).isNotNull()).groupBy(partition)
        .agg(first(col(ResultColumns.SHARD), true), count(lit(1)), counted(Status.DOWNLOADED),
            counted(Status.FAILED), sum(col(BYTES)), sum(col(MILLIS)))
        .orderBy(partition).collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("partition", p.getInt(0));
      m.put("shard", p.getString(1));
      m.put("entries", p.getLong(2));
      m.put("downloaded", p.getLong(3));
      m.put("failed", p.getLong(4));
      m.put("bytes", p.isNullAt(5) ? 0L : p.getLong(5));
      m.put("millis", p.isNullAt(6) ? 0L : p.getLong(6));
      partitions.add(m);
    }
    return new RunSummary(totals, paths.runId(), partitions);
  }

  private static Column counted(Status status) {
    return sum(when(col(STATUS).equalTo(status.label()), 1L).otherwise(0L));
  }

  /** Writes {@code summary.json}: {@code run}, {@code summary} and {@code partitions}. */
  void write(FileSystem fs, Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run", runId);
    json.put("summary", totals.fields());
    json.put("partitions", partitions);
    try (OutputStream out = fs.create(file, true)) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, json);
    }
  }
}
