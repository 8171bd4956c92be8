package dev.imgdl.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Creates the temporary files of one JVM and remembers those that still exist, so that an
 * interrupt can remove them all. Names start with {@code .imgdl-}, then the run id and worker id,
 * so that a parent can also sweep the files of a child that died.
 *
 * <p>{@link #abort} removes them for good: a file is created and registered under a shared lock
 * that abort takes exclusively, so no thread can create one between abort's sweep and the halt
 * of the JVM that follows it.
 */
public final class TempFiles {
  public static final String PREFIX = ".imgdl-";

  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final ReadWriteLock LOCK = new ReentrantReadWriteLock();
  private static volatile boolean aborted;

  private TempFiles() {}

  /** Creates and opens a new temporary file in {@code dir}, owned by {@code worker}. */
  public static Temp open(Path dir, String runId, int worker) throws IOException {
    Path path = dir.resolve(prefix(runId, worker) + COUNTER.incrementAndGet() + ".part");
    return new Temp(path, openNew(path, p -> Files.newOutputStream(p,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)));
  }

  /** Opens a file that must not exist yet. */
  public interface Opener {
    OutputStream open(Path path) throws IOException;
  }

  /**
   * Creates {@code path} with {@code opener}, which must create it new, and remembers it until
   * it is {@link #committed} or deleted; refused once {@link #abort} has run.
   */
  public static OutputStream openNew(Path path, Opener opener) throws IOException {
    LOCK.readLock().lock();
    try {
      refuseAfterAbort();
      OutputStream out = opener.open(path);
      LIVE.add(path);
      return out;
    } finally {
      LOCK.readLock().unlock();
    }
  }

  private static void refuseAfterAbort() throws IOException {
    if (aborted) {
      throw new IOException("interrupted");
    }
  }

  /** An open temporary file: one system call to create and open it. */
  public record Temp(Path path, OutputStream out) {}

  /** The file name prefix of {@code worker}'s temporary files. */
  public static String prefix(String runId, int worker) {
    return PREFIX + runId + "-w" + worker + "-";
  }

  /** Forgets a temporary file that was renamed to its target. */
  public static void committed(Path path) {
    LIVE.remove(path);
  }

  /** Deletes a temporary file, quietly. */
  public static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Nothing better to do; deleteAll at exit tries again.
    }
    LIVE.remove(path);
  }

  /** Deletes every temporary file of this JVM that still exists: the interrupt path. */
  public static void deleteAll() {
    for (Path path : LIVE.toArray(Path[]::new)) {
      delete(path);
    }
  }

  /** Deletes every temporary file and refuses to create more: the JVM is about to halt. */
  public static void abort() {
    LOCK.writeLock().lock();
    try {
      aborted = true;
      deleteAll();
    } finally {
      LOCK.writeLock().unlock();
    }
  }

  /** Deletes every temporary file in {@code dir} whose name starts with {@code prefix}. */
  public static void sweep(Path dir, String prefix) {
    try (var files = Files.newDirectoryStream(dir, prefix + "*")) {
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Best effort: the directory may be gone.
    }
  }
}
