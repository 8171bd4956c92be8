package dev.imgdl.worker;

import dev.imgdl.worker.PipeMessage.ToChild;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM as the parent sees it, from the moment it is spawned: its process, the writer of
 * its standard input, and when it last sent a line, for the {@link Watchdog}.
 */
final class ChildProcess implements Watchdog.Watched {
  private final int worker;
  private final Process process;
  private final PipeWriter<ToChild> input;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long hungMillis = -1;

  ChildProcess(int worker, Process process) {
    this.worker = worker;
    this.process = process;
    this.input =
        new PipeWriter<>(
            new BufferedWriter(
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16));
  }

  @Override
  public int worker() {
    return worker;
  }

  Process process() {
    return process;
  }

  PipeWriter<ToChild> input() {
    return input;
  }

  /** The child sent a line. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  @Override
  public long lastHeardNanos() {
    return lastHeardNanos;
  }

  @Override
  public void killHung(long silentMillis) {
    hungMillis = silentMillis;
    kill();
  }

  /** Why the child's unfinished entries failed, once it has ended. */
  String failure(int exitCode) {
    long hung = hungMillis;
    return hung >= 0
        ? "worker " + worker + " sent nothing for " + TimeUnit.MILLISECONDS.toSeconds(hung)
            + "s and was killed"
        : "worker " + worker + " exited with code " + exitCode;
  }

  /**
   * Sends a line without blocking the caller: a stopped child does not read its input, and a
   * full pipe would block a signal handler. If the line cannot be written the child is ended.
   */
  void sendLater(ToChild message) {
    Thread t = new Thread(() -> {
      try {
        input.send(message);
      } catch (IOException e) {
        process.destroy();
      }
    }, "imgdl-to-worker-" + worker);
    t.setDaemon(true);
    t.start();
  }

  /** SIGKILL to the child and anything it started; works on a stopped child too. */
  void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  void closeInput() {
    input.close();
  }
}
