package dev.imgdl.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the DURATION values of the command line: a number of seconds, or a number
 * with {@code ms}, {@code s}, {@code m} or {@code h}. Fractions are allowed ({@code 1.5s}).
 */
public final class Durations {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /** Returns the duration, or throws {@link IllegalArgumentException} naming the bad value. */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (use seconds, or 500ms, 2s, 1m, 1h)");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase();
    double millis =
        switch (unit) {
          case "ms" -> number;
          case "s" -> number * 1_000;
          case "m" -> number * 60_000;
          default -> number * 3_600_000;
        };
    if (millis > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /** Prints a duration the way a user would write it: {@code 500ms}, {@code 2s}, {@code 1.5s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + "ms";
    }
    if (ms % 3_600_000 == 0) {
      return (ms / 3_600_000) + "h";
    }
    if (ms % 60_000 == 0) {
      return (ms / 60_000) + "m";
    }
    if (ms % 1_000 == 0) {
      return (ms / 1_000) + "s";
    }
    return String.format(java.util.Locale.ROOT, "%.3gs", ms / 1000.0);
  }
}
