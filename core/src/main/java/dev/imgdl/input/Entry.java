package dev.imgdl.input;

/**
 * One non-blank, non-comment input line.
 *
 * @param index 0-based position among all entries of the run, the order of the report
 * @param source the input file name as given, or {@code <stdin>}; shared between entries
 * @param line 1-based line number in that source
 * @param url the trimmed line, as given; for a line too long to hold, its first characters
 * @param invalidReason why the reader already knows the entry is invalid, or null
 */
public record Entry(int index, String source, int line, String url, String invalidReason) {

  /** An entry as most lines give it: one whose URL is yet to be checked. */
  public Entry(int index, String source, int line, String url) {
    this(index, source, line, url, null);
  }

  /** {@code source:line}, the way errors name an entry. */
  public String location() {
    return source + ":" + line;
  }
}
