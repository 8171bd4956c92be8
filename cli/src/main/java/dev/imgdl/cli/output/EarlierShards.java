package dev.imgdl.cli.output;

import dev.imgdl.core.dataset.CompleteShards;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.dataset.ShardKeys;
import dev.imgdl.core.dataset.ShardRows;
import dev.imgdl.core.dataset.ShardWriter;
import dev.imgdl.core.download.OptOut;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.text.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards of a webdataset output that were complete when the run started, and what their
 * metadata rows say: the resume side of {@link ShardAssembler}. A shard is read the first time
 * one of its entries is planned (on the planning thread), and its rows are kept until the
 * assembler closes it.
 */
final class EarlierShards {
  private static final Logger log = LoggerFactory.getLogger(EarlierShards.class);

  private final Path dir;
  private final ShardKeys keys;
  private final OutputLayout.Metadata metadata;
  private final CompleteShards completed;
  private final boolean overwrite;
  private final boolean retryFailed;
  /** Whether each shard seen so far was complete when the run started: its entries are skipped. */
  private final Map<Integer, Boolean> completeAtStart = new ConcurrentHashMap<>();
  /** The rows of each shard complete at the start, until it closes. */
  private final Map<Integer, ShardRows> rows = new ConcurrentHashMap<>();

  private final ShardWriter writer;

  EarlierShards(Path dir, ShardKeys keys, OutputLayout.Metadata metadata, ShardWriter writer,
      boolean overwrite, boolean retryFailed) {
    this.dir = dir;
    this.writer = writer;
    this.keys = keys;
    this.metadata = metadata;
    this.completed = new CompleteShards(dir, keys, metadata);
    this.overwrite = overwrite;
    this.retryFailed = retryFailed;
  }

  /**
   * An entry of a shard that was complete when the run started needs no request: it is reported
   * as the shard's metadata row says ({@code skipped} for a download, else its status and error),
   * as a result of an earlier run. It is downloaded after all (null) when the shard does not hold
   * it (a shard that was the last, shorter one, or a row of another URL), or with {@code
   * --retry-failed} when its row failed in a way that can change; its shard is then written again.
   */
  Result skip(Task task, int worker) {
    int shard = keys.shard(task.index());
    ShardRows earlier = completeAtStart(shard) ? rows.get(shard) : null;
    if (earlier == null) {
      return null;
    }
    String key = keys.key(task.index());
    Status status = earlier.status(key);
    if (status == null
        || !Credentials.redact(task.url()).equals(String.valueOf(earlier.row(key).get("url")))) {
      return null;
    }
    String error = earlier.error(key);
    return switch (status) {
      case DOWNLOADED, SKIPPED -> Result.earlier(task.index(), Status.SKIPPED, keys.tar(shard),
          worker, null);
      case FAILED -> retryFailed && retriable(error) ? null
          : Result.earlier(task.index(), Status.FAILED, null, worker, error);
      case INVALID, DUPLICATE -> Result.earlier(task.index(), status, null, null, error);
      // A check writes no shard, so no row says this: the entry is downloaded again.
      case CHECKED -> null;
    };
  }

  /** The rows of {@code shard} if it was complete at the start, now that it closes; else null. */
  ShardRows take(int shard) {
    return rows.remove(shard);
  }

  /** Whether a failure may end otherwise when tried again: an opt-out is the site's choice. */
  private static boolean retriable(String error) {
    return error == null || !error.startsWith(OptOut.ERROR_PREFIX);
  }

  private boolean completeAtStart(int shard) {
    return !overwrite && completeAtStart.computeIfAbsent(shard, this::read);
  }

  /**
   * Whether {@code shard} is complete, keeping its rows until it closes; a shard whose metadata
   * cannot be read is written again, as an incomplete one is. A whole shard without stats (an
   * older imgdl's) gets them now, from its rows.
   */
  private boolean read(int shard) {
    if (!completed.whole(shard)) {
      return false;
    }
    ShardRows earlier;
    try {
      earlier = ShardRows.read(dir.resolve(keys.metadata(shard, metadata)), metadata);
      if (!completed.complete(shard)) {
        writer.writeStats(shard, earlier.rows());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("{} is written again: its metadata cannot be read ({})", keys.tar(shard),
          e.getMessage());
      return false;
    }
    rows.put(shard, earlier);
    return true;
  }
}
