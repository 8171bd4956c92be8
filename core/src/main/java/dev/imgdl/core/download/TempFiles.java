package dev.imgdl.core.download;

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
 * Creates the temporary files of one run (or of one child JVM's part of it) and remembers those
 * that still exist, so that an interrupt can remove them all; another run in the same JVM has its
 * own instance and keeps its files. Names start with {@code .imgdl-}, then the run id and worker
 * id, so that a parent can also sweep the files of a child that died.
 *
 * <p>{@link #abort} removes them for good: a file is created and registered under a shared lock
 * that abort takes exclusively, so no thread can create one between abort's sweep and the halt
 * of the JVM that follows it.
 */
public final class TempFiles {
  public static final String PREFIX = ".imgdl-";

  /** For the JVM, not the instance: two runs with one run id still get distinct names. */
  private static final AtomicLong COUNTER = new AtomicLong();

  private final Set<Path> live = ConcurrentHashMap.newKeySet();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean aborted;

  /** Creates and opens a new temporary file in {@code dir}, owned by {@code worker}. */
  public Temp open(Path dir, String runId, int worker) throws IOException {
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
  public OutputStream openNew(Path path, Opener opener) throws IOException {
    lock.readLock().lock();
    try {
      refuseAfterAbort();
      OutputStream out = opener.open(path);
      live.add(path);
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void refuseAfterAbort() throws IOException {
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

  /**
   * Takes charge of a file that another JVM or component created (a worker's staged download),
   * so that {@link #deleteAll} and {@link #abort} remove it too; deleted at once after an abort.
   */
  public void adopt(Path path) {
    lock.readLock().lock();
    try {
      if (aborted) {
        delete(path);
      } else {
        live.add(path);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Forgets a temporary file that was renamed to its target. */
  public void committed(Path path) {
    live.remove(path);
  }

  /** Deletes a temporary file, quietly. */
  public void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Nothing better to do; deleteAll at exit tries again.
    }
    live.remove(path);
  }

  /** Deletes every temporary file of this instance that still exists: the interrupt path. */
  public void deleteAll() {
    for (Path path : live.toArray(Path[]::new)) {
      delete(path);
    }
  }

  /** Deletes every temporary file and refuses to create more: the JVM is about to halt. */
  public void abort() {
    lock.writeLock().lock();
    try {
      aborted = true;
      deleteAll();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Deletes every temporary file in {@code dir} whose name starts with {@code prefix}. */
  public static void sweep(Path dir, String prefix) {
    sweepMatching(dir, prefix + "*");
  }

  /** Deletes every file in {@code dir} whose name matches the {@code glob}. */
  public static void sweepMatching(Path dir, String glob) {
    try (var files = Files.newDirectoryStream(dir, glob)) {
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // Best effort: the directory may be gone.
    }
  }
}
