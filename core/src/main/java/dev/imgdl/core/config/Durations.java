package dev.imgdl.core.config;

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

  /**
   * Prints a duration the way a user would write it: {@code 500ms}, {@code 2s}, {@code 1.5s},
   * {@code 5m}, {@code 1h}; long odd values in whole seconds ({@code 3599s}).
   */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + "ms";
    }
    if (ms < 10_000 && ms % 1_000 != 0) {
      String tenths = String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0);
      return (tenths.endsWith(".0") ? tenths.substring(0, tenths.length() - 2) : tenths) + "s";
    }
    long s = Math.round(ms / 1000.0);
    if (s % 3_600 == 0) {
      return (s / 3_600) + "h";
    }
    if (s % 60 == 0) {
      return (s / 60) + "m";
    }
    return s + "s";
  }
}
