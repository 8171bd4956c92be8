package dev.imgdl.cli;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Standard input as the JVM got it, or an empty stream when the caller closed it ({@code imgdl
 * <&-}): the JVM then opens its own files on descriptor 0 (its {@code lib/modules}, a jar), and
 * reading that as a list of URLs crashes the JVM. The launcher, which sees the closed descriptor
 * itself, gives the JVM {@code /dev/null} and says so with {@code -Dimgdl.stdin=closed}; a JVM
 * started by hand finds out where descriptor 0 points. A closed standard input is no input.
 */
final class ClosedInput extends InputStream {
  private ClosedInput() {}

  /** The standard input to read: {@code System.in}, or a closed one. */
  static InputStream standardInput() {
    return isClosed() ? new ClosedInput() : System.in;
  }

  static boolean isClosed(InputStream in) {
    return in instanceof ClosedInput;
  }

  @Override
  public int read() {
    return -1;
  }

  private static boolean isClosed() {
    if ("closed".equals(System.getProperty("imgdl.stdin"))) {
      return true;
    }
    Path fd = Path.of("/proc/self/fd/0");
    try {
      if (!Files.isDirectory(fd.getParent())) {
        return false;
      }
      if (!Files.exists(fd, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      Path target = Files.readSymbolicLink(fd);
      return target.startsWith(Path.of(System.getProperty("java.home")))
          || onClassPath(target);
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean onClassPath(Path target) {
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && target.equals(Path.of(entry).toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }
}
