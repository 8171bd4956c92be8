package dev.imgdl.spark;

import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.input.HashColumn;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A Spark task: downloads its partition's rows with the core (on the executor's shared client,
 * into a folder on the executor's local disk), writes them as one tar there, uploads the tar once
 * to OUTPUT under a name that carries the task attempt, and returns one result row per input
 * row. {@code partition} is the download partition's index, from 0: its tar's number. A
 * retried attempt uploads its own tar; the committed results name the one that counts.
 */
final class PartitionDownload implements Function2<Integer, Iterator<Row>, Iterator<Row>> {
  private final JobSettings settings;
  private final OutputPaths paths;
  private final SerializableConfiguration hadoop;
  private final HostPlan hosts;

  /** {@code hosts}: the plan the rows were spread by, or null when no host is limited. */
  PartitionDownload(JobSettings settings, OutputPaths paths, SerializableConfiguration hadoop,
      HostPlan hosts) {
    this.settings = settings;
    this.paths = paths;
    this.hadoop = hadoop;
    this.hosts = hosts;
  }

  @Override
  public Iterator<Row> call(Integer partition, Iterator<Row> input) throws Exception {
    TaskContext task = TaskContext.get();
    List<Row> rows = new ArrayList<>();
    input.forEachRemaining(rows::add);
    if (rows.isEmpty()) {
      return rows.iterator();
    }
    String shard = paths.shard(partition, task.stageAttemptNumber(), task.attemptNumber());
    Path dir = Files.createTempDirectory(Path.of(SparkFiles.getRootDirectory()),
        "imgdl-" + paths.runId() + "-p" + partition + "-");
    TempFiles temps = new TempFiles();
    try {
      Fetcher fetcher = ExecutorClients.fetcher(settings, dir, paths.runId(), temps, hosts);
      List<Task> tasks = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        tasks.add(new Task(i, row.getString(1).strip(), key(row.getLong(0)), null, hash(row)));
      }
      Result[] results = TaskDownloads.run(fetcher, tasks, settings.workers(),
          task::isInterrupted);
      boolean any = Stream.of(results).anyMatch(r -> r.status() == Status.DOWNLOADED);
      String written = any ? shard : null;
      if (any) {
        ShardUpload.write(dir, paths.runId(), temps, partition, rows, results);
        ShardUpload.upload(dir, partition, paths, shard, hadoop.value());
      }
      if (settings.failOnce() == partition && task.attemptNumber() == 0) {
        throw new IllegalStateException("test hook: partition " + partition
            + " fails after its upload on its first attempt");
      }
      List<Row> out = new ArrayList<>(rows.size());
      for (int i = 0; i < rows.size(); i++) {
        out.add(ResultColumns.row(rows.get(i), results[i], partition, written));
      }
      return out.iterator();
    } finally {
      temps.deleteAll();
      deleteTree(dir);
    }
  }

  /** The hash the row's body must have, or null: the planner let only rows that hold one by. */
  private ExpectedHash hash(Row row) {
    HashColumn hash = settings.hash();
    return hash == null ? null
        : ExpectedHash.parse(hash.algorithm(), row.getString(row.fieldIndex(InputTable.HASH)));
  }

  /** A member's key in the tar: the row's id, so the same on every run and partitioning. */
  static String key(long id) {
    return String.format("%09d", id);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
