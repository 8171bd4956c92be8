package dev.imgdl.core.download;

/**
 * Politeness toward one host: at most {@code --per-host} requests in flight and at most {@code
 * --rate} request starts per second. The core asks for a permit before each request, tells it
 * when the request has actually been sent, and closes it when the response is done. In process
 * mode the permits come from the parent, so that the limits hold for the whole run.
 */
public interface HostGate {

  /** A gate that never waits. */
  HostGate OPEN = (host, deadlineNanos) -> () -> {};

  /**
   * Waits for a permit to send one request to {@code host}.
   *
   * @param deadlineNanos {@link System#nanoTime()} after which the caller gives up
   * @throws GateTimeoutException when no permit can be had before the deadline
   */
  Permit acquire(String host, long deadlineNanos) throws InterruptedException;

  /** Held while a request is in flight; closing it twice is harmless. */
  interface Permit extends AutoCloseable {
    /**
     * The request is being sent now: {@code --rate} spaces request starts from this moment, not
     * from the grant, so that a request that leaves late cannot let the next one catch up with
     * it. Calling it again is harmless.
     */
    default void started() {}

    @Override
    void close();
  }

  /** No permit could be had before the entry's deadline. */
  final class GateTimeoutException extends RuntimeException {
    public GateTimeoutException() {
      super("no request slot for the host before the deadline", null, false, false);
    }
  }
}
