package dev.imgdl.cli.process;

import dev.imgdl.core.text.ConsoleText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Forwards a child's standard error, its logs, to the parent's, each line prefixed. The child's
 * own log lines are already console-safe; what its JVM prints by itself (an uncaught exception)
 * is not, so every line is made safe again, which changes nothing in one that already is.
 * Leading tabs are kept, so that a stack trace stays readable.
 */
final class ChildLog {
  private ChildLog() {}

  /**
   * Starts a daemon thread copying {@code process}'s stderr to {@code err}, each line prefixed
   * with the child's name in brackets: {@code [worker 3]}, {@code [workers 0,2]}.
   */
  static Thread forward(String child, Process process, PrintWriter err) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  // The console lock (see FailureLines): the writer, never the stream first.
                  synchronized (err) {
                    err.println("[" + child + "] " + ConsoleText.safeIndented(line));
                    err.flush();
                  }
                }
              } catch (IOException ignored) {
                // The child is gone.
              }
            },
            "imgdl-stderr-" + child.replace(' ', '-'));
    t.setDaemon(true);
    t.start();
    return t;
  }
}
