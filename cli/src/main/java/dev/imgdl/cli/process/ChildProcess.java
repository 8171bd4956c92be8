package dev.imgdl.cli.process;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One child JVM as the parent sees it, from the moment it is spawned: its process, the writer of
 * its standard input, and when it last sent a line, for the {@link Watchdog}.
 */
final class ChildProcess implements Watchdog.Watched {
  private final String label;
  private final Process process;
  private final PipeWriter<ToChild> input;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile long hungMillis = -1;
  private volatile BooleanSupplier idle = () -> false;
  private volatile boolean endSent;

  /** @param label the child's name in logs, such as {@code worker 2} or {@code workers 0,2} */
  ChildProcess(String label, Process process) {
    this.label = label;
    this.process = process;
    this.input =
        new PipeWriter<>(
            new BufferedWriter(
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16));
  }

  @Override
  public String label() {
    return label;
  }

  Process process() {
    return process;
  }

  PipeWriter<ToChild> input() {
    return input;
  }

  /**
   * Tells the child's watchdog when it has no entry left to run: until the end of the list is
   * sent, such a child waits for the planner, and is not hung.
   */
  void idleWhen(BooleanSupplier noEntryLeft) {
    this.idle = noEntryLeft;
  }

  /** The last task line and the end line were sent: from now on silence is a fault. */
  void endSent() {
    endSent = true;
  }

  @Override
  public boolean waitingForInput() {
    return !endSent && idle.getAsBoolean();
  }

  /** The child sent a line, or was given work after waiting for it: its silence starts now. */
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

  /**
   * Why the child's unfinished entries of {@code worker}'s chunk failed, once it has ended: each
   * entry names its own chunk, whichever others the child ran.
   */
  String failure(int worker, int exitCode) {
    return end("worker " + worker, exitCode);
  }

  /** How the child ended, naming it by its label, for the log. */
  String end(int exitCode) {
    return end(label, exitCode);
  }

  private String end(String who, int exitCode) {
    long hung = hungMillis;
    return hung >= 0
        ? who + " sent nothing for " + TimeUnit.MILLISECONDS.toSeconds(hung) + "s and was killed"
        : who + " exited with code " + exitCode;
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
    }, "imgdl-to-" + label.replace(' ', '-'));
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
