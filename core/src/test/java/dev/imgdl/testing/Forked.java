package dev.imgdl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Process builders for tests that fork imgdl and send it SIGINT. A process started as a
 * background job without job control (a script's {@code cmd &}) has SIGINT ignored, and every
 * process it starts inherits that; the JVM then, rightly, leaves SIGINT ignored, and such a test
 * could never pass. So when this JVM has SIGINT ignored, the command is started through Perl
 * (part of every Debian system), which restores the default before it execs the command.
 */
public final class Forked {
  private static final long SIGINT_BIT = 1L << (2 - 1);

  private Forked() {}

  public static ProcessBuilder builder(String... command) {
    return builder(Arrays.asList(command));
  }

  public static ProcessBuilder builder(List<String> command) {
    if (!sigintIgnored()) {
      return new ProcessBuilder(command);
    }
    Path perl = Path.of("/usr/bin/perl");
    Assumptions.assumeTrue(Files.isExecutable(perl),
        "SIGINT is ignored here (a background job) and there is no perl to restore it");
    List<String> wrapped = new ArrayList<>(List.of(perl.toString(), "-e",
        "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\";"));
    wrapped.addAll(command);
    return new ProcessBuilder(wrapped);
  }

  /** Whether this process ignores SIGINT, from the SigIgn mask Linux gives in /proc. */
  static boolean sigintIgnored() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & SIGINT_BIT) != 0;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
