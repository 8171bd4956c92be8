package dev.imgdl.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells whether a standard stream is a terminal. Java 17 has no direct way for one stream, so
 * this reads where the file descriptor points on Linux, and asks {@link System#console()}
 * elsewhere.
 */
public final class Terminal {
  private Terminal() {}

  public static boolean stdinIsTerminal() {
    return isTerminal(0);
  }

  public static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.exists(Path.of("/proc/self/fd"))) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
            || target.equals("/dev/console");
      }
    } catch (Exception e) {
      // Fall through to the portable approximation.
    }
    return System.console() != null;
  }
}
