package dev.imgdl.cli.process;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's guard against a child that hangs: stopped ({@code kill -STOP}), frozen or
 * deadlocked. A healthy child sends a line at least once per entry, and an entry cannot take
 * longer than {@code --deadline}; so a child that has sent nothing for the deadline plus a fixed
 * margin (which covers a child JVM's start-up on a busy machine) is killed, and its entries take
 * the path of a child that died. A child that has every entry it was sent done, while the list is
 * still being planned, waits for input, not by fault: it is not watched until it gets more.
 */
final class Watchdog implements AutoCloseable {
  /** Added to the entry deadline: generous for a JVM's start-up and a slow pipe. */
  static final long MARGIN_MILLIS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
  private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  /** What the watchdog needs to know of a child. */
  interface Watched {
    /** The child's name in logs, such as {@code worker 2}. */
    String label();

    /** {@link System#nanoTime()} of the last line from the child, or of its start. */
    long lastHeardNanos();

    /** Kills the child; its supervisor sees it die. */
    void killHung(long silentMillis);

    /** Whether the child has nothing to do until the parent sends more: then it is not hung. */
    default boolean waitingForInput() {
      return false;
    }
  }

  private final long limitNanos;
  private final Supplier<Collection<? extends Watched>> children;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;

  Watchdog(long deadlineMillis, Supplier<Collection<? extends Watched>> children) {
    this.limitNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMillis + MARGIN_MILLIS);
    this.children = children;
    this.thread = new Thread(this::watch, "imgdl-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  private void watch() {
    while (!closed.get()) {
      LockSupport.parkNanos(CHECK_NANOS);
      long now = System.nanoTime();
      for (Watched child : children.get()) {
        long silent = now - child.lastHeardNanos();
        if (silent > limitNanos && !child.waitingForInput()) {
          long millis = TimeUnit.NANOSECONDS.toMillis(silent);
          log.warn("{} sent nothing for {} ms: killing it", child.label(), millis);
          child.killHung(millis);
        }
      }
    }
  }

  @Override
  public void close() {
    closed.set(true);
    LockSupport.unpark(thread);
  }
}
