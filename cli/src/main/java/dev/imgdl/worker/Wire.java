package dev.imgdl.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.imgdl.config.FetchSettings;
import dev.imgdl.input.Task;
import dev.imgdl.json.JsonObject;
import dev.imgdl.json.ResultJson;
import dev.imgdl.result.Result;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Reads and writes {@link Message} lines as JSON with Jackson's streaming API, the library of
 * the report. The streaming API keeps a child JVM's start-up short: the object mapper alone
 * would load some 500 classes in every child. Writes are synchronized per writer so that lines
 * never interleave.
 */
final class Wire {
  private static final JsonFactory JSON = new JsonFactory();

  private Wire() {}

  /** Parses a line, or throws {@link IOException} saying why it is not a message. */
  static Message parse(String line) throws IOException {
    JsonObject fields;
    try {
      fields = JsonObject.parse(line);
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a message: " + abbreviate(line));
    }
    Object type;
    try {
      type = fields.requiredString("type");
      if (fields.integer("v") != Message.VERSION) {
        throw new IllegalArgumentException("version");
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("message of unknown version or type: " + abbreviate(line));
    }
    try {
      return toMessage(fields);
    } catch (RuntimeException e) {
      throw new IOException("malformed " + type + " message: " + abbreviate(line));
    }
  }

  static void send(Writer out, Message message) throws IOException {
    send(out, message, true);
  }

  /** Writes one line; {@code flush} false lets a batch of lines go out together. */
  static void send(Writer out, Message message, boolean flush) throws IOException {
    String line = format(message);
    synchronized (out) {
      out.write(line);
      out.write('\n');
      if (flush) {
        out.flush();
      }
    }
  }

  static String format(Message m) throws IOException {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeNumberField("v", m.v());
      g.writeStringField("type", m.type());
      number(g, "worker", m.worker());
      if (m.settings() != null) {
        writeSettings(g, m.settings());
      }
      string(g, "logLevel", m.logLevel());
      if (m.remoteGate() != null) {
        g.writeBooleanField("remoteGate", m.remoteGate());
      }
      if (m.task() != null) {
        g.writeObjectFieldStart("task");
        g.writeNumberField("index", m.task().index());
        g.writeStringField("url", m.task().url());
        g.writeStringField("stem", m.task().stem());
        string(g, "extension", m.task().extension());
        g.writeEndObject();
      }
      if (m.result() != null) {
        writeResult(g, m.result());
      }
      number(g, "id", m.id());
      string(g, "host", m.host());
      number(g, "waitMillis", m.waitMillis());
      number(g, "pid", m.pid());
      number(g, "peakRss", m.peakRss());
      g.writeEndObject();
    }
    return text.toString();
  }

  private static void writeSettings(JsonGenerator g, FetchSettings s) throws IOException {
    g.writeObjectFieldStart("settings");
    g.writeStringField("outputDir", s.outputDir());
    g.writeStringField("runId", s.runId());
    g.writeNumberField("timeoutMillis", s.timeoutMillis());
    g.writeNumberField("deadlineMillis", s.deadlineMillis());
    g.writeNumberField("maxSize", s.maxSize());
    g.writeNumberField("retries", s.retries());
    g.writeStringField("userAgent", s.userAgent());
    g.writeArrayFieldStart("headers");
    for (String h : s.headers()) {
      g.writeString(h);
    }
    g.writeEndArray();
    g.writeBooleanField("anyType", s.anyType());
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, Result r) throws IOException {
    g.writeObjectFieldStart("result");
    ResultJson.writeFields(g, r, ResultJson.Form.PIPE);
    g.writeEndObject();
  }

  private static Message toMessage(JsonObject f) {
    return new Message(
        f.integer("v"),
        f.requiredString("type"),
        f.optionalInteger("worker"),
        f.has("settings") ? settings(f.object("settings")) : null,
        f.string("logLevel"),
        f.has("remoteGate") ? f.bool("remoteGate") : null,
        f.has("task") ? task(f.object("task")) : null,
        f.has("result") ? ResultJson.read(f.object("result")) : null,
        f.has("id") ? f.longValue("id") : null,
        f.string("host"),
        f.has("waitMillis") ? f.longValue("waitMillis") : null,
        f.has("pid") ? f.longValue("pid") : null,
        f.has("peakRss") ? f.longValue("peakRss") : null);
  }

  private static FetchSettings settings(JsonObject s) {
    return new FetchSettings(s.requiredString("outputDir"), s.requiredString("runId"),
        s.longValue("timeoutMillis"), s.longValue("deadlineMillis"), s.longValue("maxSize"),
        s.integer("retries"), s.requiredString("userAgent"), s.strings("headers"),
        s.bool("anyType"));
  }

  private static Task task(JsonObject t) {
    return new Task(t.integer("index"), t.requiredString("url"), t.requiredString("stem"),
        t.string("extension"));
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator g, String name, Number value) throws IOException {
    if (value != null) {
      g.writeNumberField(name, value.longValue());
    }
  }

  static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 120) + "…";
  }
}
