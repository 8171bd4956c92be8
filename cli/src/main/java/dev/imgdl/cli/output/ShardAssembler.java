package dev.imgdl.cli.output;

import dev.imgdl.core.dataset.JsonlMetadata;
import dev.imgdl.core.dataset.LayoutRecord;
import dev.imgdl.core.dataset.MetadataRow;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.dataset.ShardKeys;
import dev.imgdl.core.dataset.ShardRows;
import dev.imgdl.core.dataset.ShardWriter;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public final class ShardAssembler implements Destination {
  private static final Logger log = LoggerFactory.getLogger(ShardAssembler.class);

  private final Placement placement;
  private final ShardKeys keys;
  private final ShardWriter writer;
  private final TempFiles temps;
  private final Path dir;
  private final EarlierShards earlier;
  private final Map<Integer, Result[]> open = new HashMap<>();
  private final Map<Integer, Integer> settled = new HashMap<>();
  /** When each open shard's first entry began: its stats' start time. */
  private final Map<Integer, Instant> started = new HashMap<>();
  private volatile PlanView view;
  /** The number of entries once planning has ended, else -1. */
  private int total = -1;
  private volatile boolean stopped;

  /**
   * Removes what a killed run left (staged downloads, shard temporaries) first: it runs before
   * planning, when no worker of this run has written anything.
   */
  public ShardAssembler(OutputLayout layout, Path dir, String runId, TempFiles temps,
      boolean overwrite, boolean retryFailed) throws IOException {
    this.placement = new Placement(layout, runId);
    this.keys = new ShardKeys(layout.shardSize());
    this.writer = new ShardWriter(dir, runId, temps, keys, layout.metadata());
    this.temps = temps;
    this.dir = dir;
    this.earlier = new EarlierShards(dir, keys, layout.metadata(), writer, overwrite,
        retryFailed);
    ShardWriter.sweepStale(dir, Placement.STAGE_MARK);
    LayoutRecord record = LayoutRecord.of(layout);
    if (!record.equals(readRecord(dir))) {
      // Before the first shard; the CLI refused a resume of another layout without --overwrite.
      record.write(dir, runId);
    }
  }

  private static LayoutRecord readRecord(Path dir) {
    try {
      return LayoutRecord.read(dir);
    } catch (IOException e) {
      return null; // replaced: only --overwrite gets here with an unreadable record
    }
  }

  @Override
  public void planning(PlanView view) {
    this.view = view;
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public Task place(Task task) {
    return placement.place(task);
  }

  /** An entry of a shard complete when the run started: see {@link EarlierShards#skip}. */
  @Override
  public Result skip(Task task, int worker) {
    return earlier.skip(task, worker);
  }

  /** The results to file now for {@code result}: none while held, several when a shard ends. */
  @Override
  public List<Result> settle(Result result) {
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
    // A result comes in when its entry ends: it began its time on the entry earlier.
    started.merge(shard, Instant.now().minusMillis(result.millis()),
        (a, b) -> a.isBefore(b) ? a : b);
    boolean held = result.status() == Status.DOWNLOADED;
    List<Result> out = new ArrayList<>();
    if (!held) {
      out.add(result);
    }
    if (count == expected(shard)) {
      out.addAll(close(shard));
    }
    return out;
  }

  /** Planning has ended: a last shard shorter than the others may be complete now. */
  @Override
  public List<Result> planningEnded(int entries) {
    total = entries;
    List<Result> out = new ArrayList<>();
    for (int shard : List.copyOf(open.keySet())) {
      if (settled.get(shard) == expected(shard)) {
        out.addAll(close(shard));
      }
    }
    return out;
  }

  /** Writes a shard whose entries are all settled; a last, shorter shard's slots end in nulls. */
  private List<Result> close(int shard) {
    Result[] slots = open.remove(shard);
    settled.remove(shard);
    Instant start = started.remove(shard);
    return stopped ? List.of() : write(shard, slots, start);
  }

  /** Slots of a shard: its size, or fewer for the last shard once the total is known. */
  private int size(int shard) {
    return total < 0 ? keys.size() : Math.min(keys.size(), total - keys.first(shard));
  }

  /** How many entries the shard holds, or -1 while planning may still add to it. */
  private int expected(int shard) {
    int end = keys.first(shard) + keys.size();
    if (total >= 0) {
      return Math.min(end, total) - keys.first(shard);
    }
    return view.planned() >= end ? keys.size() : -1;
  }

  /**
   * Writes a shard whose entries are all settled: from its downloads, or, for a shard complete at
   * the start, again with its earlier rows and members, only when this run changed it (an entry
   * downloaded, or failed again).
   */
  private List<Result> write(int shard, Result[] slots, Instant start) {
    ShardRows before = earlier.take(shard);
    if (before != null && !changed(slots)) {
      return List.of();
    }
    List<ShardWriter.Member> members = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> keptKeys = new HashSet<>();
    for (Result r : slots) {
      if (r == null) {
        continue;
      }
      String key = keys.key(r.index());
      if (before != null && r.resumed()) {
        rows.add(before.row(key));
        if (r.status() == Status.SKIPPED) {
          keptKeys.add(key);
        }
        continue;
      }
      Entry entry = view.entry(r.index());
      Map<String, Object> row = MetadataRow.of(key, entry, r);
      rows.add(row);
      if (r.status() == Status.DOWNLOADED) {
        members.add(new ShardWriter.Member(key, extension(r.file()), dir.resolve(r.file()),
            entry.caption(), JsonlMetadata.object(row)));
      }
    }
    String error = null;
    try {
      ShardWriter.Kept kept = before == null ? ShardWriter.Kept.NONE
          : new ShardWriter.Kept(dir.resolve(keys.tar(shard)), keptKeys);
      writer.write(shard, members, kept, rows, start, () -> stopped);
    } catch (IOException | RuntimeException e) {
      if (stopped) {
        // The run reports what is held as interrupted; the staged files go with the run's.
        return List.of();
      }
      error = "cannot write " + keys.tar(shard) + ": " + ThrowableText.reason(e);
      log.warn(error, e);
    }
    return release(shard, slots, members, error);
  }

  /**
   * The downloads of a written shard, each now its tar member, or failed with {@code error}
   * when the shard could not be written; their staged files go either way.
   */
  private List<Result> release(int shard, Result[] slots, List<ShardWriter.Member> members,
      String error) {
    List<Result> released = new ArrayList<>();
    for (ShardWriter.Member m : members) {
      temps.delete(m.staged());
    }
    // A last shard opened before planning ended has slots for a full shard: the unused are null.
    for (Result r : slots) {
      if (r != null && r.status() == Status.DOWNLOADED) {
        released.add(error != null ? Result.failed(r.index(), r.worker(), error)
            : moved(r, keys.tar(shard) + "/" + keys.key(r.index())
                + dotExtension(extension(r.file()))));
      }
    }
    return released;
  }

  /** Whether this run changed a shard that was complete: a download, or a new failure. */
  private static boolean changed(Result[] slots) {
    for (Result r : slots) {
      if (r != null && !r.resumed()
          && (r.status() == Status.DOWNLOADED || r.status() == Status.FAILED)) {
        return true;
      }
    }
    return false;
  }

  private static String extension(String file) {
    String name = Path.of(file).getFileName().toString();
    int dash = name.lastIndexOf('-');
    int dot = name.lastIndexOf('.');
    // A body of no known type (--any-type) still needs one: webdataset readers split a member's
    // name at its first dot and drop a member without an extension.
    return dot > dash ? name.substring(dot + 1) : "bin";
  }

  private static String dotExtension(String extension) {
    return extension == null ? "" : "." + extension;
  }

  private static Result moved(Result r, String file) {
    return r.toBuilder().file(file).build();
  }
}
