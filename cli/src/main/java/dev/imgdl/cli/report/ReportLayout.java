package dev.imgdl.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * The report's layout: the top-level fields one per line, and each element of an array (a
 * worker, a result) on a line of its own, compact inside. A person can read it and grep it one
 * entry per line, and it is about a third smaller and faster to write than Jackson's default
 * pretty printer, which matters for a million entries written after an interrupt. One instance
 * per report: it keeps the nesting depth.
 */
final class ReportLayout implements PrettyPrinter {
  private int depth;

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {}

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    depth++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (depth == 1) {
      g.writeRaw("\n  ");
    }
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(depth == 1 ? ",\n  " : ", ");
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    depth--;
    g.writeRaw(depth == 0 ? "\n}" : "}");
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    g.writeRaw('[');
    depth++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (depth == 2) {
      g.writeRaw("\n    ");
    }
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(depth == 2 ? ",\n    " : ", ");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    depth--;
    g.writeRaw(depth == 1 && values > 0 ? "\n  ]" : "]");
  }
}
