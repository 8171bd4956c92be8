package dev.imgdl.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import dev.imgdl.text.Credentials;
import java.io.IOException;

/**
 * A {@link Result} as the fields of a JSON object, the one place that knows them: the report and
 * the pipe from a child JVM both write results here, and the pipe reads them back here, so a
 * new field of {@code Result} is added here and nowhere else. Every field is written, null as
 * null, in one order.
 */
public final class ResultJson {

  /** Who reads the fields; it decides two of them. */
  public enum Form {
    /** The pipe to the parent, which files the result by its index and needs the exact error. */
    PIPE,
    /** The report: its entry fields say which entry, and credentials in the error are hidden. */
    REPORT
  }

  // Field names encoded once: a million results write each of them a million times.
  private static final SerializedString INDEX = new SerializedString("index");
  private static final SerializedString STATUS = new SerializedString("status");
  private static final SerializedString FILE = new SerializedString("file");
  private static final SerializedString BYTES = new SerializedString("bytes");
  private static final SerializedString SHA256 = new SerializedString("sha256");
  private static final SerializedString CONTENT_TYPE = new SerializedString("contentType");
  private static final SerializedString HTTP_STATUS = new SerializedString("httpStatus");
  private static final SerializedString ATTEMPTS = new SerializedString("attempts");
  private static final SerializedString WORKER = new SerializedString("worker");
  private static final SerializedString MILLIS = new SerializedString("millis");
  private static final SerializedString ERROR = new SerializedString("error");
  private static final SerializedString WIDTH = new SerializedString("width");
  private static final SerializedString HEIGHT = new SerializedString("height");
  private static final SerializedString RESUMED = new SerializedString("resumed");

  private ResultJson() {}

  /** Writes the result's fields into the object that {@code json} is writing. */
  public static void writeFields(JsonGenerator json, Result r, Form form) throws IOException {
    if (form == Form.PIPE) {
      json.writeFieldName(INDEX);
      json.writeNumber(r.index());
    }
    json.writeFieldName(STATUS);
    json.writeString(r.status().label());
    json.writeFieldName(FILE);
    json.writeString(r.file());
    json.writeFieldName(BYTES);
    json.writeNumber(r.bytes());
    json.writeFieldName(SHA256);
    json.writeString(r.sha256());
    json.writeFieldName(CONTENT_TYPE);
    json.writeString(r.contentType());
    json.writeFieldName(HTTP_STATUS);
    writeNumberOrNull(json, r.httpStatus());
    json.writeFieldName(ATTEMPTS);
    json.writeNumber(r.attempts());
    json.writeFieldName(WORKER);
    writeNumberOrNull(json, r.worker());
    json.writeFieldName(MILLIS);
    json.writeNumber(r.millis());
    json.writeFieldName(ERROR);
    json.writeString(form == Form.REPORT && r.error() != null
        ? Credentials.redactWords(r.error())
        : r.error());
    json.writeFieldName(WIDTH);
    writeNumberOrNull(json, r.width());
    json.writeFieldName(HEIGHT);
    writeNumberOrNull(json, r.height());
    json.writeFieldName(RESUMED);
    json.writeBoolean(r.resumed());
  }

  /**
   * The result whose fields {@link #writeFields} wrote in {@link Form#PIPE}.
   *
   * @throws IllegalArgumentException naming the first field that is missing or malformed
   */
  public static Result read(JsonObject o) {
    return Result.builder(o.integer(INDEX.getValue()), status(o.requiredString(STATUS.getValue())))
        .file(o.string(FILE.getValue()))
        .bytes(o.longValue(BYTES.getValue()))
        .sha256(o.string(SHA256.getValue()))
        .contentType(o.string(CONTENT_TYPE.getValue()))
        .httpStatus(o.optionalInteger(HTTP_STATUS.getValue()))
        .attempts(o.integer(ATTEMPTS.getValue()))
        .worker(o.optionalInteger(WORKER.getValue()))
        .millis(o.longValue(MILLIS.getValue()))
        .error(o.string(ERROR.getValue()))
        .width(o.optionalInteger(WIDTH.getValue()))
        .height(o.optionalInteger(HEIGHT.getValue()))
        .resumed(o.bool(RESUMED.getValue()))
        .build();
  }

  private static Status status(String label) {
    for (Status status : Status.values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("field status is not a status: " + label);
  }

  private static void writeNumberOrNull(JsonGenerator json, Integer value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else {
      json.writeNumber(value);
    }
  }
}
