package dev.imgdl.core.input;

import java.util.Map;

/**
 * One entry of the input: a non-blank, non-comment line of a list, or a row of a table. Built
 * by name: {@link #of} for a list line, {@link #builder} for the rest.
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
 * @param hash the hash the body must have ({@code --verify-hash}), or null
 */
public record Entry(int index, String source, int line, String url, String invalidReason,
    String caption, Map<String, Object> saved, ExpectedHash hash) {

  public Entry {
    saved = saved == null ? Map.of() : saved;
  }

  /** An entry as most lines give it: one whose URL is yet to be checked, no caption. */
  public static Entry of(int index, String source, int line, String url) {
    return builder(index, source, line, url).build();
  }

  /** The entry at {@code source:line} with {@code url}; the other fields are unset. */
  public static Builder builder(int index, String source, int line, String url) {
    return new Builder(index, source, line, url);
  }

  /** {@code source:line}, the way errors name an entry. */
  public String location() {
    return source + ":" + line;
  }

  /** Sets the optional fields by name; what is not set is null (saved: empty). */
  public static final class Builder {
    private final int index;
    private final String source;
    private final int line;
    private final String url;
    private String invalidReason;
    private String caption;
    private Map<String, Object> saved = Map.of();
    private ExpectedHash hash;

    private Builder(int index, String source, int line, String url) {
      this.index = index;
      this.source = source;
      this.line = line;
      this.url = url;
    }

    /** The reader already knows the entry is invalid, and why. */
    public Builder invalid(String reason) {
      invalidReason = reason;
      return this;
    }

    boolean isInvalid() {
      return invalidReason != null;
    }

    public Builder caption(String value) {
      caption = value;
      return this;
    }

    public Builder saved(Map<String, Object> columns) {
      saved = columns;
      return this;
    }

    public Builder hash(ExpectedHash value) {
      hash = value;
      return this;
    }

    public Entry build() {
      return new Entry(index, source, line, url, invalidReason, caption, saved, hash);
    }
  }
}
