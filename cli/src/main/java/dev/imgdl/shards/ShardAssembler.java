package dev.imgdl.shards;

import dev.imgdl.dataset.CompleteShards;
import dev.imgdl.dataset.JsonlMetadata;
import dev.imgdl.dataset.MetadataRow;
import dev.imgdl.dataset.OutputLayout;
import dev.imgdl.dataset.ShardKeys;
import dev.imgdl.dataset.ShardWriter;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Entry;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's side of a webdataset run, in both worker modes: it sees every result before the
 * collector files it, holds back the downloads of a shard until every entry of the shard is
 * settled, then writes the shard and releases them with their tar member as {@code file}. So a
 * result says {@code downloaded} only once its bytes are in a complete shard; after an interrupt
 * what is held is never released, and the run reports those entries as interrupted. Only the
 * collector's thread calls it, except {@link #stop}.
 */
public final class ShardAssembler {
  private static final Logger log = LoggerFactory.getLogger(ShardAssembler.class);

  private final ShardKeys keys;
  private final List<Entry> entries;
  private final boolean planComplete;
  private final ShardWriter writer;
  private final TempFiles temps;
  private final Path dir;
  private final CompleteShards completed;
  private final boolean overwrite;
  private final Map<Integer, Result[]> open = new HashMap<>();
  private final Map<Integer, Integer> settled = new HashMap<>();
  private volatile boolean stopped;

  public ShardAssembler(OutputLayout layout, Path dir, String runId, TempFiles temps,
      List<Entry> entries, boolean planComplete, boolean overwrite) {
    this.keys = new ShardKeys(layout.shardSize());
    this.entries = entries;
    this.planComplete = planComplete;
    this.writer = new ShardWriter(dir, runId, temps, keys, layout.metadata());
    this.temps = temps;
    this.dir = dir;
    this.completed = new CompleteShards(dir, keys, layout.metadata());
    this.overwrite = overwrite;
  }

  /** After an interrupt: no shard is written any more, and a staged download is not kept. */
  public void stop() {
    stopped = true;
  }

  /**
   * Takes the entries of complete shards out of the chunks, handing their results (skipped, no
   * request) to {@code skipped}, and files the results decided while planning; a shard with
   * nothing to download is written here.
   */
  public List<List<Task>> start(List<List<Task>> chunks, Result[] decided,
      Consumer<Result> skipped) {
    ShardWriter.sweepStale(dir, Placement.STAGE_MARK);
    List<List<Task>> left = new ArrayList<>();
    for (int worker = 0; worker < chunks.size(); worker++) {
      List<Task> chunk = new ArrayList<>();
      for (Task task : chunks.get(worker)) {
        int shard = keys.shard(task.index());
        if (!overwrite && completed.complete(shard)) {
          skipped.accept(new Result(task.index(), Status.SKIPPED, keys.tar(shard), 0, null,
              null, null, 0, worker, 0, null));
        } else {
          chunk.add(task);
        }
      }
      left.add(chunk);
    }
    for (Result r : decided) {
      if (r != null && (overwrite || !completed.complete(keys.shard(r.index())))) {
        record(r);
      }
    }
    return left;
  }

  /** The results to file now for {@code result}: none while held, several when a shard ends. */
  public List<Result> settle(Result result) {
    if (result.status() == Status.SKIPPED) {
      return List.of(result);
    }
    boolean staged = result.status() == Status.DOWNLOADED;
    if (stopped) {
      if (staged) {
        temps.delete(dir.resolve(result.file()));
        return List.of(Result.interrupted(result.index(), result.worker()));
      }
      return List.of(result);
    }
    if (staged) {
      temps.adopt(dir.resolve(result.file()));
    }
    List<Result> toFile = record(result);
    return toFile == null ? List.of() : toFile;
  }

  /**
   * Files {@code result} in its shard: null when it was there already; otherwise what to file
   * now: the result itself unless it is a download (held), and, when it completes its shard, the
   * downloads of the shard, now written.
   */
  private List<Result> record(Result result) {
    int shard = keys.shard(result.index());
    Result[] slots = open.computeIfAbsent(shard, s -> new Result[size(s)]);
    int at = result.index() - keys.first(shard);
    if (slots[at] != null) {
      return null;
    }
    slots[at] = result;
    int count = settled.merge(shard, 1, Integer::sum);
    boolean held = result.status() == Status.DOWNLOADED;
    List<Result> out = new ArrayList<>();
    if (!held) {
      out.add(result);
    }
    if (count == slots.length && (planComplete || shard != lastShard())) {
      open.remove(shard);
      settled.remove(shard);
      out.addAll(write(shard, slots));
    }
    return out;
  }

  private int size(int shard) {
    return Math.min(keys.size(), entries.size() - keys.first(shard));
  }

  private int lastShard() {
    return keys.shard(entries.size() - 1);
  }

  private List<Result> write(int shard, Result[] slots) {
    List<ShardWriter.Member> members = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Result r : slots) {
      Entry entry = entries.get(r.index());
      String key = keys.key(r.index());
      Map<String, Object> row = MetadataRow.of(key, entry, r);
      rows.add(row);
      if (r.status() == Status.DOWNLOADED) {
        members.add(new ShardWriter.Member(key, extension(r.file()), dir.resolve(r.file()),
            entry.caption(), JsonlMetadata.object(row)));
      }
    }
    String error = null;
    try {
      writer.write(shard, members, rows, () -> stopped);
    } catch (IOException | RuntimeException e) {
      if (stopped) {
        // The run reports what is held as interrupted; the staged files go with the run's.
        return List.of();
      }
      error = "cannot write " + keys.tar(shard) + ": " + e.getMessage();
      log.warn(error, e);
    }
    List<Result> released = new ArrayList<>();
    for (ShardWriter.Member m : members) {
      temps.delete(m.staged());
    }
    for (Result r : slots) {
      if (r.status() == Status.DOWNLOADED) {
        released.add(error != null ? Result.failed(r.index(), r.worker(), error)
            : moved(r, keys.tar(shard) + "/" + keys.key(r.index())
                + dotExtension(extension(r.file()))));
      }
    }
    return released;
  }

  private static String extension(String file) {
    String name = Path.of(file).getFileName().toString();
    int dash = name.lastIndexOf('-');
    int dot = name.lastIndexOf('.');
    return dot > dash ? name.substring(dot + 1) : null;
  }

  private static String dotExtension(String extension) {
    return extension == null ? "" : "." + extension;
  }

  private static Result moved(Result r, String file) {
    return new Result(r.index(), r.status(), file, r.bytes(), r.sha256(), r.contentType(),
        r.httpStatus(), r.attempts(), r.worker(), r.millis(), r.error(), r.width(), r.height());
  }
}
