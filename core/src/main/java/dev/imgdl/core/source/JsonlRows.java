package dev.imgdl.core.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON Lines: one JSON object per line, through Jackson's streaming parser (no object mapper).
 * Blank lines are skipped; a row is numbered by its line. A table has no header, so the keys of
 * the first row stand for its columns; in later rows an absent key is an empty value. A line
 * that is not a JSON object stops the read, naming the line; a line too long to hold is an
 * invalid entry, as in a list.
 */
final class JsonlRows implements RowReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final LineScanner lines;
  private final String source;
  private final List<String> wanted;
  private int lineNumber;
  /** Rows read ahead to find the columns: any rows too long to hold, then the first one. */
  private final Deque<Row> pending = new ArrayDeque<>();
  private List<String> firstKeys;
  private boolean started;

  JsonlRows(InputStream in, String source, List<String> wanted) {
    this.lines = new LineScanner(in, LineScanner.MAX_LINE_BYTES);
    this.source = source;
    this.wanted = wanted;
  }

  /**
   * The keys of the first row that could be read; when every row is too long to read, the
   * wanted columns, since none can be checked.
   */
  @Override
  public List<String> columns() throws IOException {
    if (!started) {
      started = true;
      firstKeys = new ArrayList<>();
      for (Row row; (row = read(firstKeys)) != null; ) {
        pending.add(row);
        if (row.invalidReason() == null) {
          break;
        }
      }
      if (!pending.isEmpty() && pending.peekLast().invalidReason() != null) {
        firstKeys = wanted;
      }
    }
    return pending.isEmpty() ? null : firstKeys;
  }

  @Override
  public Row next() throws IOException {
    columns();
    return pending.isEmpty() ? read(null) : pending.poll();
  }

  private Row read(List<String> keys) throws IOException {
    while (lines.next()) {
      lineNumber++;
      if (lines.nul()) {
        throw new InputException(source + ":" + lineNumber + ": " + LineScanner.NUL, null);
      }
      int start = lineNumber == 1 && startsWithBom() ? 3 : 0;
      if (lines.tooLong()) {
        return new Row(lineNumber, new Object[wanted.size()],
            "row too long (over " + LineScanner.MAX_LINE_BYTES / 1024 + " KiB)");
      }
      if (blank(start)) {
        continue;
      }
      try (JsonParser p = JSON.createParser(lines.bytes(), start, lines.length() - start)) {
        return row(p, keys);
      } catch (JsonProcessingException e) {
        throw new InputException(source + ":" + lineNumber + ": malformed JSON: "
            + e.getOriginalMessage(), e);
      }
    }
    return null;
  }

  private Row row(JsonParser p, List<String> keys) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new InputException(source + ":" + lineNumber + ": not a JSON object", null);
    }
    Object[] values = new Object[wanted.size()];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (keys != null && !keys.contains(name)) {
        keys.add(name);
      }
      p.nextToken();
      int i = wanted.indexOf(name);
      if (i < 0) {
        p.skipChildren();
      } else {
        values[i] = value(p);
      }
    }
    if (p.nextToken() != null) {
      throw new InputException(source + ":" + lineNumber + ": more than one JSON value", null);
    }
    return new Row(lineNumber, values, null);
  }

  private static Object value(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? new Row.Foreign("a number", p.getText()) : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
      case VALUE_NULL -> null;
      case START_OBJECT -> new Row.Foreign("an object", structure(p));
      default -> new Row.Foreign("an array", structure(p));
    };
  }

  /** The JSON text of the object or array that starts at the current token. */
  private static String structure(JsonParser p) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.copyCurrentStructure(p);
    }
    return text.toString();
  }

  private boolean blank(int start) {
    byte[] b = lines.bytes();
    for (int i = start; i < lines.length(); i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithBom() {
    byte[] b = lines.bytes();
    return lines.length() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
        && (b[2] & 0xFF) == 0xBF;
  }

  @Override
  public void close() {
    // The caller owns the stream.
  }
}
