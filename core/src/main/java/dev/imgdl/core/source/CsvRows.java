package dev.imgdl.core.source;

import dev.imgdl.core.text.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV (RFC 4180, as Excel, pandas and Python's csv module write it: quoted fields may hold
 * commas, quotes and line breaks) and TSV (the same with tabs) through Apache Commons CSV. The
 * first record is the header; blank lines are skipped. A row is numbered by the line it starts
 * on. A row longer than {@link LineScanner#MAX_LINE_BYTES} (about, in characters) stops the
 * read: past a broken quote, no later row can be trusted.
 */
final class CsvRows implements RowReader {
  /** Slack over the row bound for what the parser has read ahead of the current row. */
  private static final int READ_AHEAD = 64 * 1024;

  private final String source;
  private final List<String> wanted;
  private final TextInput text;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  /** Lines the parser had gone past when the previous row ended. */
  private long linesBefore;

  CsvRows(InputStream in, String source, List<String> wanted, char delimiter)
      throws IOException {
    this.source = source;
    this.wanted = wanted;
    this.text = new TextInput(in, LineScanner.MAX_LINE_BYTES + READ_AHEAD);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .get();
    try {
      this.parser = CSVParser.builder().setReader(text).setFormat(format).get();
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      throw failure(1, e instanceof UncheckedIOException u ? u.getCause() : e);
    }
    this.records = parser.iterator();
    this.linesBefore = parser.getCurrentLineNumber();
  }

  @Override
  public List<String> columns() {
    List<String> names = parser.getHeaderNames();
    return names.isEmpty() ? null : names;
  }

  @Override
  public Row next() {
    long start = linesBefore + 1;
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw failure(start, e.getCause() != null ? e.getCause() : e);
    }
    text.rowRead();
    linesBefore = parser.getCurrentLineNumber();
    Object[] values = new Object[wanted.size()];
    for (int i = 0; i < values.length; i++) {
      String column = wanted.get(i);
      String value = record.isSet(column) ? record.get(column) : null;
      values[i] = value == null || value.isEmpty() ? null : value;
    }
    return new Row(Math.toIntExact(start), values, null);
  }

  private InputException failure(long line, Throwable e) {
    String where = source + ":" + line + ": ";
    if (e instanceof CharacterCodingException) {
      // The decoder reads ahead of the parser: the bad bytes are in this row or a later one.
      return new InputException(source + ": not valid UTF-8 (at line " + line + " or after)", e);
    }
    if (e instanceof TextInput.NulException nul) {
      return new InputException(source + ":" + nul.line + ": " + LineScanner.NUL, e);
    }
    if (e instanceof TextInput.RowTooLongException) {
      return new InputException(where + "row too long (over "
          + LineScanner.MAX_LINE_BYTES / 1024 + " KiB)", e);
    }
    // Commons CSV's messages can quote the whole header.
    return new InputException(where + "malformed CSV: " + Excerpt.text(e.getMessage()), e);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
