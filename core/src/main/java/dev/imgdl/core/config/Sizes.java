package dev.imgdl.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the SIZE values of the command line: a number of bytes, or a number with
 * {@code k}, {@code M} or {@code G}, which are powers of 1024.
 */
public final class Sizes {
  private static final Pattern FORMAT =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKmMgG])?[iI]?[bB]?");

  private Sizes() {}

  /** Returns the number of bytes, or throws {@link IllegalArgumentException}. */
  public static long parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (use bytes, or 500k, 50M, 1G)");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
    long factor =
        switch (unit) {
          case "k" -> 1L << 10;
          case "m" -> 1L << 20;
          case "g" -> 1L << 30;
          default -> 1L;
        };
    double bytes = number * factor;
    if (bytes > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("'" + text + "' is too large a size");
    }
    return (long) bytes;
  }

  /** Prints a byte count for people: {@code 512 B}, {@code 1 MiB}, {@code 2.5 MiB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number =
        value == Math.rint(value)
            ? String.valueOf((long) value)
            : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + units[unit];
  }
}
