package dev.imgdl.spark;

import dev.imgdl.core.dataset.JsonlMetadata;
import dev.imgdl.core.dataset.MetadataRow;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.dataset.ShardKeys;
import dev.imgdl.core.dataset.ShardWriter;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;

/**
 * A task's tar, made with the core's {@link ShardWriter} on local disk (members {@code KEY.EXT},
 * {@code KEY.txt}, {@code KEY.json} in id order, as in a CLI webdataset shard) and copied once to
 * OUTPUT.
 */
final class ShardUpload {
  /** Local names only: one shard per task folder, numbered by the partition. */
  private static final ShardKeys LOCAL = new ShardKeys(1);

  private ShardUpload() {}

  /** Writes the tar of the downloaded {@code results} of {@code rows} into {@code dir}. */
  static void write(Path dir, String runId, TempFiles temps, int partition, List<Row> rows,
      Result[] results) throws IOException {
    List<ShardWriter.Member> members = new ArrayList<>();
    List<Map<String, Object>> metadata = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Result r = results[i];
      String key = PartitionDownload.key(row.getLong(0));
      Map<String, Object> meta = MetadataRow.of(key, entry(row), r);
      metadata.add(meta);
      if (r.status() == Status.DOWNLOADED) {
        members.add(new ShardWriter.Member(key, extension(r.file()), dir.resolve(r.file()),
            row.getString(2), JsonlMetadata.object(meta)));
      }
    }
    new ShardWriter(dir, runId, temps, LOCAL, OutputLayout.Metadata.JSONL)
        .write(partition, members, metadata, null, () -> false);
  }

  /**
   * Copies the tar {@link #write} made to {@code shard} under OUTPUT, in one copy (one PUT on an
   * object store). A copy cut short is never named by a committed result, since its task fails,
   * and the run's clean-up deletes it.
   */
  static void upload(Path dir, int partition, OutputPaths paths, String shard,
      Configuration conf) throws IOException {
    paths.fileSystem(conf).copyFromLocalFile(false, true,
        new org.apache.hadoop.fs.Path(dir.resolve(LOCAL.tar(partition)).toUri()),
        paths.resolve(shard));
  }

  /** The row as the core's metadata sees it: url, caption and saved columns. */
  private static Entry entry(Row row) {
    Map<String, Object> saved = new LinkedHashMap<>();
    String[] names = row.schema().fieldNames();
    for (int i = 3; i < row.length(); i++) {
      if (!names[i].equals(InputTable.HASH)) {
        saved.put(names[i], plain(row.get(i)));
      }
    }
    return Entry.builder(0, "", 0, row.getString(1)).caption(row.getString(2)).saved(saved)
        .build();
  }

  /** A JSON-compatible value (String, Long, Double, Boolean or null) of a Spark value. */
  private static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Float || value instanceof Double) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
      return n.longValue();
    }
    return value.toString();
  }

  private static String extension(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? null : file.substring(dot + 1);
  }
}
