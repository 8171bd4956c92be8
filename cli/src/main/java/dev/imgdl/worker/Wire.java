package dev.imgdl.worker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.imgdl.config.FetchSettings;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> fields;
    try (JsonParser p = JSON.createParser(line)) {
      Object value = read(p, p.nextToken());
      if (!(value instanceof Map<?, ?> map) || p.nextToken() != null) {
        throw new IOException("not a message: " + abbreviate(line));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) map;
      fields = m;
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a message: " + abbreviate(line));
    }
    Object version = fields.get("v");
    Object type = fields.get("type");
    if (!(version instanceof Number n) || n.intValue() != Message.VERSION
        || !(type instanceof String)) {
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
    g.writeNumberField("index", r.index());
    g.writeStringField("status", r.status().label());
    string(g, "file", r.file());
    g.writeNumberField("bytes", r.bytes());
    string(g, "sha256", r.sha256());
    string(g, "contentType", r.contentType());
    number(g, "httpStatus", r.httpStatus() == null ? null : r.httpStatus().longValue());
    g.writeNumberField("attempts", r.attempts());
    number(g, "worker", r.worker() == null ? null : r.worker().longValue());
    g.writeNumberField("millis", r.millis());
    string(g, "error", r.error());
    g.writeEndObject();
  }

  private static Message toMessage(Map<String, Object> f) {
    return new Message(
        ((Number) f.get("v")).intValue(),
        (String) f.get("type"),
        integer(f.get("worker")),
        settings(map(f.get("settings"))),
        (String) f.get("logLevel"),
        (Boolean) f.get("remoteGate"),
        task(map(f.get("task"))),
        result(map(f.get("result"))),
        longValue(f.get("id")),
        (String) f.get("host"),
        longValue(f.get("waitMillis")),
        longValue(f.get("pid")),
        longValue(f.get("peakRss")));
  }

  private static FetchSettings settings(Map<String, Object> s) {
    if (s == null) {
      return null;
    }
    List<String> headers = new ArrayList<>();
    for (Object h : (List<?>) s.get("headers")) {
      headers.add((String) h);
    }
    return new FetchSettings((String) s.get("outputDir"), (String) s.get("runId"),
        longValue(s.get("timeoutMillis")), longValue(s.get("deadlineMillis")),
        longValue(s.get("maxSize")), integer(s.get("retries")), (String) s.get("userAgent"),
        headers, (Boolean) s.get("anyType"));
  }

  private static Task task(Map<String, Object> t) {
    if (t == null) {
      return null;
    }
    return new Task(integer(t.get("index")), (String) t.get("url"), (String) t.get("stem"),
        (String) t.get("extension"));
  }

  private static Result result(Map<String, Object> r) {
    if (r == null) {
      return null;
    }
    Status status = Status.valueOf(((String) r.get("status")).toUpperCase(java.util.Locale.ROOT));
    return new Result(integer(r.get("index")), status, (String) r.get("file"),
        longValue(r.get("bytes")), (String) r.get("sha256"), (String) r.get("contentType"),
        integer(r.get("httpStatus")), integer(r.get("attempts")), integer(r.get("worker")),
        longValue(r.get("millis")), (String) r.get("error"));
  }

  /** Reads one JSON value: objects as maps, arrays as lists, numbers as Long or Double. */
  private static Object read(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("empty");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          list.add(read(p, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected " + token);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static Long longValue(Object value) {
    return value == null ? null : ((Number) value).longValue();
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
