package dev.imgdl.cli.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.util.List;

/**
 * A {@link Result} as the fields of a JSON object: the report and the pipe from a child JVM both
 * write results here, and the pipe reads them back here, field by field as {@link ResultField}
 * defines them. Every field is written, null as null, in its order.
 */
public final class ResultJson {

  /** Who reads the fields; it decides two of them. */
  public enum Form {
    /** The pipe to the parent, which files the result by its index and needs the exact error. */
    PIPE(ResultField.Output.PIPE),
    /** The report: its entry fields say which entry, and credentials in the error are hidden. */
    REPORT(ResultField.Output.REPORT);

    private final ResultField.Output output;
    private final List<ResultField> fields;

    Form(ResultField.Output output) {
      this.output = output;
      this.fields = ResultField.in(output);
    }
  }

  private static final SerializedString INDEX = new SerializedString("index");

  // Field names encoded once: a million results write each of them a million times.
  private static final SerializedString[] NAMES = new SerializedString[ResultField.values().length];

  static {
    for (ResultField field : ResultField.values()) {
      NAMES[field.ordinal()] = new SerializedString(field.label());
    }
  }

  private ResultJson() {}

  /** Writes the result's fields into the object that {@code json} is writing. */
  public static void writeFields(JsonGenerator json, Result r, Form form) throws IOException {
    if (form == Form.PIPE) {
      json.writeFieldName(INDEX);
      json.writeNumber(r.index());
    }
    for (ResultField field : form.fields) {
      json.writeFieldName(NAMES[field.ordinal()]);
      write(json, field.value(r, form.output));
    }
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Integer n) {
      json.writeNumber(n);
    } else if (value instanceof Long n) {
      json.writeNumber(n);
    } else {
      json.writeBoolean((Boolean) value);
    }
  }

  /**
   * The result whose fields {@link #writeFields} wrote in {@link Form#PIPE}.
   *
   * @throws IllegalArgumentException naming the first field that is missing or malformed
   */
  public static Result read(JsonObject o) {
    Result.Builder result = Result.builder(o.integer(INDEX.getValue()),
        Status.of(o.string(ResultField.STATUS.label())));
    for (ResultField field : Form.PIPE.fields) {
      field.set(result, read(o, field));
    }
    return result.build();
  }

  private static Object read(JsonObject o, ResultField field) {
    String name = field.label();
    return switch (field.type()) {
      case STRING -> o.string(name);
      case NULLABLE_INT -> o.optionalInteger(name);
      case INT -> o.integer(name);
      case LONG -> o.longValue(name);
      case BOOLEAN -> o.bool(name);
    };
  }
}
