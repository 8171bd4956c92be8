package dev.imgdl.core.input;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the planner hands one consumer while it plans: the tasks of a chunk for its worker, or
 * the task lines of a child JVM. The planner appends in input order and ends the feed when
 * planning ends; the consumer takes in that order and waits while the feed is empty and not
 * ended. {@link #stop} (an interrupt) ends it at once and drops what was not taken. One
 * producer and one consumer at a time; what was taken is not kept.
 */
public final class ChunkFeed<T> {
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private boolean ended;
  private boolean stopped;

  /** A feed that holds {@code items} and is ended: a chunk known in full. */
  public static <T> ChunkFeed<T> of(List<T> items) {
    ChunkFeed<T> feed = new ChunkFeed<>();
    items.forEach(feed::add);
    feed.end();
    return feed;
  }

  /** Appends an item; ignored once stopped; a broken contract after {@link #end}. */
  public synchronized void add(T item) {
    if (stopped) {
      return;
    }
    if (ended) {
      throw new IllegalStateException("add after the end of the feed");
    }
    queue.add(item);
    if (queue.size() == 1) {
      notifyAll();
    }
  }

  /** No more items come: the consumer takes what is left, then sees the end. */
  public synchronized void end() {
    ended = true;
    notifyAll();
  }

  /** Ends the feed now and drops what was not taken: the consumer sees the end at once. */
  public synchronized void stop() {
    stopped = true;
    ended = true;
    queue.clear();
    notifyAll();
  }

  /** The next item, waiting for one while the feed is not ended; null at the end. */
  public synchronized T next() throws InterruptedException {
    while (queue.isEmpty() && !ended) {
      wait();
    }
    return queue.poll();
  }

  /**
   * Every item there is now, at most {@code max}, waiting for one while the feed is not ended;
   * empty at the end. A consumer that writes items to a pipe flushes once per batch.
   */
  public synchronized List<T> nextBatch(int max) throws InterruptedException {
    while (queue.isEmpty() && !ended) {
      wait();
    }
    List<T> batch = new ArrayList<>(Math.min(max, queue.size()));
    while (batch.size() < max && !queue.isEmpty()) {
      batch.add(queue.poll());
    }
    return batch;
  }

  /** Waits until there is an item to take or the feed ends; whether there is an item. */
  public synchronized boolean await() throws InterruptedException {
    while (queue.isEmpty() && !ended) {
      wait();
    }
    return !queue.isEmpty();
  }

  /** Whether the feed is ended and every item was taken. */
  public synchronized boolean exhausted() {
    return ended && queue.isEmpty();
  }
}
