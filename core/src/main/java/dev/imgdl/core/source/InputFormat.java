package dev.imgdl.core.source;

import dev.imgdl.core.text.Alternatives;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * How an input file is laid out: a list of URLs, one per line, or a table whose rows carry a URL
 * column. A file's format follows from its name unless it is given; standard input is a list
 * unless it is given.
 */
public enum InputFormat {
  LINES, CSV, TSV, JSONL, PARQUET;

  /** The format an option value names, in any case. */
  public static InputFormat parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--input-format must be "
          + Alternatives.of(new Labels()) + ", not '" + value + "'");
    }
  }

  /** The format a file name implies, {@code .gz} looked through: {@link #LINES} otherwise. */
  public static InputFormat fromName(String name) {
    String lower = stripGz(name).toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".tsv")) {
      return TSV;
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return JSONL;
    }
    if (lower.endsWith(".parquet")) {
      return PARQUET;
    }
    return LINES;
  }

  /** Whether the file is read through gzip: its name ends with {@code .gz}. */
  public static boolean gzipped(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** The option value naming this format. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every option value, in order: what completion offers and a bad value's message names. */
  public static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(InputFormat::label).iterator();
    }
  }

  private static String stripGz(String name) {
    return gzipped(name) ? name.substring(0, name.length() - 3) : name;
  }
}
