package dev.imgdl.cli.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the peak resident memory of this process from {@code /proc} where there is one. */
public final class Memory {
  private Memory() {}

  /** Peak resident set size (VmHWM) in bytes, or 0 when the platform does not say. */
  public static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring(6).replace("kB", "").strip();
          return Long.parseLong(kb) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc is not mounted: the summary shows no figure.
    }
    return 0;
  }
}
