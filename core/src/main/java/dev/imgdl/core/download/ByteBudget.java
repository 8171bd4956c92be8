package dev.imgdl.core.download;

/**
 * The run's bandwidth, {@code --limit-rate}: the core tells it of every piece of body it has
 * read, and waits as long as it says, so that a transfer slows rather than bursts. One budget is
 * shared by every worker of a run; in process mode the children take theirs from the parent's.
 */
public interface ByteBudget {
  /** No limit: nothing ever waits. */
  ByteBudget UNLIMITED = bytes -> {};

  /** Largest read to make at once, so that the waits between reads stay short. */
  int MAX_READ = 64 * 1024;

  /** Waits until the run's rate allows {@code bytes} more, just read, to have been read. */
  void spend(long bytes) throws InterruptedException;

  /** How many bytes to read at most before the next {@link #spend}. */
  default int readSize() {
    return MAX_READ;
  }

  /** A budget of {@code bytesPerSecond} for this JVM alone, or none for 0. */
  static ByteBudget of(long bytesPerSecond) {
    return bytesPerSecond > 0 ? new TokenBucket(bytesPerSecond) : UNLIMITED;
  }

  /** A twentieth of a second's worth, between 1 KiB and {@link #MAX_READ}: smooth, not chatty. */
  static int readSize(long bytesPerSecond) {
    return (int) Math.max(1024, Math.min(MAX_READ, bytesPerSecond / 20));
  }
}
