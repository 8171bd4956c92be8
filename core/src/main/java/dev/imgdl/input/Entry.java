package dev.imgdl.input;

import java.util.Map;

/**
 * One entry of the input: a non-blank, non-comment line of a list, or a row of a table.
 *
 * @param index 0-based position among all entries of the run, the order of the report
 * @param source the input file name as given, or {@code <stdin>}; shared between entries
 * @param line where the entry is in that source, 1-based: its line in a list, the line a row
 *     starts on in a CSV, TSV or JSONL table, a row's position in a Parquet file
 * @param url the trimmed URL, as given; for a line too long to hold, its first characters; for a
 *     table row whose URL is missing, empty
 * @param invalidReason why the reader already knows the entry is invalid, or null
 * @param caption the row's caption, or null (lists have none)
 * @param saved the row's columns carried through to the metadata, in the order asked for, with
 *     JSON-compatible values (String, Long, Double, Boolean or null); empty for lists
 */
public record Entry(int index, String source, int line, String url, String invalidReason,
    String caption, Map<String, Object> saved) {

  public Entry {
    saved = saved == null ? Map.of() : saved;
  }

  /** An entry as most lines give it: one whose URL is yet to be checked. */
  public Entry(int index, String source, int line, String url) {
    this(index, source, line, url, null, null, Map.of());
  }

  /** A line the reader already knows to be invalid. */
  public Entry(int index, String source, int line, String url, String invalidReason) {
    this(index, source, line, url, invalidReason, null, Map.of());
  }

  /** {@code source:line}, the way errors name an entry. */
  public String location() {
    return source + ":" + line;
  }
}
