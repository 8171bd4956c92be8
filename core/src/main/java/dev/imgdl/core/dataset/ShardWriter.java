package dev.imgdl.core.dataset;

import dev.imgdl.core.download.TempFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes one complete shard: its tar ({@code KEY.EXT}, {@code KEY.txt} when there is a caption,
 * {@code KEY.json} per downloaded entry, in key order), its metadata file (one row per entry) and
 * its stats ({@link ShardStats}, counted from those rows). All three are written under temporary
 * names ({@code .imgdl-RUN-shard-...}, created through the run's {@link TempFiles}, so an
 * interrupt removes them) and then renamed: the tar, the metadata, the stats. A shard is complete
 * when all three final names exist. A crash before the metadata's rename leaves a tar without
 * metadata, which a resumed run writes again; one between the last two leaves a whole shard
 * without stats, which a resumed run completes from the metadata, as it does for a shard written
 * before imgdl wrote stats. So stats never describe a shard that is not whole.
 */
public final class ShardWriter {
  /** One downloaded entry of a shard: its staged body and the members beside it. */
  public record Member(String key, String extension, Path staged, String caption, byte[] json) {}

  /**
   * The members of a shard's existing tar to carry into its new tar, byte for byte and with
   * their times: every member of an entry whose key is in {@code keys}.
   */
  public record Kept(Path tar, Set<String> keys) {
    /** Nothing kept: a shard written from its downloads alone. */
    public static final Kept NONE = new Kept(null, Set.of());
  }

  private final Path dir;
  private final String runId;
  private final TempFiles temps;
  private final ShardKeys keys;
  private final OutputLayout.Metadata metadata;

  public ShardWriter(Path dir, String runId, TempFiles temps, ShardKeys keys,
      OutputLayout.Metadata metadata) {
    this.dir = dir;
    this.runId = runId;
    this.temps = temps;
    this.keys = keys;
    this.metadata = metadata;
  }

  /**
   * Writes shard {@code shard}; on failure, neither temporary file is left. {@code cancelled}
   * is asked before each member, so that an interrupt does not wait for a whole shard.
   */
  public void write(int shard, List<Member> members, List<Map<String, Object>> rows,
      Instant started, BooleanSupplier cancelled) throws IOException {
    write(shard, members, Kept.NONE, rows, started, cancelled);
  }

  /**
   * Writes shard {@code shard} again, as {@link #write(int, List, List, Instant, BooleanSupplier)}
   * does ({@code started}: when its first entry began, or null), the
   * {@code kept} members of its existing tar merged in key order with the new {@code members}:
   * until the renames the old shard stays whole, so an interrupt or a failure leaves it as it was.
   */
  public void write(int shard, List<Member> members, Kept kept, List<Map<String, Object>> rows,
      Instant started, BooleanSupplier cancelled) throws IOException {
    Path tarTemp = temp(keys.tar(shard));
    Path metaTemp = temp(keys.metadata(shard, metadata));
    Path statsTemp = temp(keys.stats(shard));
    try {
      try (OutputStream out = open(tarTemp);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
          TarArchiveInputStream old = kept.tar() == null ? null
              : new TarArchiveInputStream(Files.newInputStream(kept.tar()))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        TarArchiveEntry next = nextKept(old, kept);
        for (Member m : members) {
          if (cancelled.getAsBoolean()) {
            throw new InterruptedIOException("interrupted");
          }
          // Keys of one shard have one width, so their text order is their order.
          while (next != null && key(next).compareTo(m.key()) < 0) {
            copy(old, next, tar);
            next = nextKept(old, kept);
          }
          String name = m.extension() == null ? m.key() : m.key() + "." + m.extension();
          addFile(tar, name, m.staged());
          if (m.caption() != null) {
            addBytes(tar, m.key() + ".txt", m.caption().getBytes(StandardCharsets.UTF_8));
          }
          addBytes(tar, m.key() + ".json", m.json());
        }
        for (; next != null; next = nextKept(old, kept)) {
          copy(old, next, tar);
        }
      }
      metadata.write(rows, open(metaTemp));
      try (OutputStream out = open(statsTemp)) {
        // The end of the shard's wall time: its bytes are all written, only renames are left.
        out.write(ShardStats.json(rows, started, started == null ? null : Instant.now()));
      }
      if (cancelled.getAsBoolean()) {
        throw new InterruptedIOException("interrupted");
      }
      Files.move(tarTemp, dir.resolve(keys.tar(shard)), StandardCopyOption.ATOMIC_MOVE);
      temps.committed(tarTemp);
      Files.move(metaTemp, dir.resolve(keys.metadata(shard, metadata)),
          StandardCopyOption.ATOMIC_MOVE);
      temps.committed(metaTemp);
      rename(statsTemp, keys.stats(shard));
    } finally {
      temps.delete(tarTemp);
      temps.delete(metaTemp);
      temps.delete(statsTemp);
    }
  }

  /**
   * Writes the stats of a whole shard that has none (an older imgdl's), from its metadata rows
   * alone: no request, and no wall time, since nothing says when it was written.
   */
  public void writeStats(int shard, Collection<Map<String, Object>> rows) throws IOException {
    Path statsTemp = temp(keys.stats(shard));
    try {
      try (OutputStream out = open(statsTemp)) {
        out.write(ShardStats.json(rows, null, null));
      }
      rename(statsTemp, keys.stats(shard));
    } finally {
      temps.delete(statsTemp);
    }
  }

  private void rename(Path temp, String name) throws IOException {
    Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    temps.committed(temp);
  }

  /**
   * Deletes the shard temporaries and the staged downloads ({@code stageMark}) that an earlier
   * run of any id left in {@code dir} when it crashed: a dataset is built by one run at a time.
   */
  public static void sweepStale(Path dir, String stageMark) {
    TempFiles.sweepMatching(dir, TempFiles.PREFIX + "*" + TEMP_MARK + "*");
    TempFiles.sweepMatching(dir, TempFiles.PREFIX + "*" + stageMark + "*");
  }

  /** The name prefix of a shard's temporary files, of any run. */
  public static final String TEMP_MARK = "-shard-";

  private Path temp(String name) {
    return dir.resolve(TempFiles.PREFIX + runId + TEMP_MARK + name);
  }

  private OutputStream open(Path path) throws IOException {
    return temps.openNew(path, p -> Files.newOutputStream(p, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE));
  }

  /**
   * A member's header: its time in whole seconds, which the classic header holds; a fraction of
   * a second would cost each member a PAX extended header of its own (1 KiB with its padding,
   * more than most images' own framing).
   */
  private static TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setModTime(FileTime.from(Instant.now().getEpochSecond(), TimeUnit.SECONDS));
    entry.setSize(size);
    return entry;
  }

  /** The next member of {@code old} to keep, or null at its end (or without an old tar). */
  private static TarArchiveEntry nextKept(TarArchiveInputStream old, Kept kept)
      throws IOException {
    if (old == null) {
      return null;
    }
    for (TarArchiveEntry e; (e = old.getNextEntry()) != null; ) {
      if (kept.keys().contains(key(e))) {
        return e;
      }
    }
    return null;
  }

  /** A member's key: its name up to the first dot, as webdataset readers split it. */
  private static String key(TarArchiveEntry e) {
    String name = e.getName();
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static void copy(TarArchiveInputStream old, TarArchiveEntry e,
      TarArchiveOutputStream tar) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(e.getName());
    entry.setModTime(e.getLastModifiedTime());
    entry.setSize(e.getSize());
    tar.putArchiveEntry(entry);
    old.transferTo(tar);
    tar.closeArchiveEntry();
  }

  private static void addFile(TarArchiveOutputStream tar, String name, Path file)
      throws IOException {
    tar.putArchiveEntry(entry(name, Files.size(file)));
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  private static void addBytes(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    tar.putArchiveEntry(entry(name, bytes.length));
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
