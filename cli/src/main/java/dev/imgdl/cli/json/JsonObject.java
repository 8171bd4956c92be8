package dev.imgdl.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object read whole into memory, for short lines such as the pipe's, with getters that
 * check each field's type. A getter throws {@link IllegalArgumentException} naming the field
 * when it is missing or of another type, so that a reader of the object can be strict in one
 * line per field. Reading uses Jackson's streaming API: no object mapper to load.
 */
public final class JsonObject {
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Object> fields;

  private JsonObject(Map<String, Object> fields) {
    this.fields = fields;
  }

  /** Reads {@code text}, which must hold one JSON object and nothing after it. */
  public static JsonObject parse(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      Object value = read(p, p.nextToken());
      if (!(value instanceof JsonObject object) || p.nextToken() != null) {
        throw new IOException("not one JSON object");
      }
      return object;
    }
  }

  /** Whether the field is there and not null. */
  public boolean has(String name) {
    return fields.get(name) != null;
  }

  /** A whole number that fits an int; required. */
  public int integer(String name) {
    return required(name, optionalInteger(name), "a whole number");
  }

  /** A whole number that fits an int, or null when the field is null or missing. */
  public Integer optionalInteger(String name) {
    Object value = fields.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Long n) || n != n.intValue()) {
      throw invalid(name, "a whole number");
    }
    return n.intValue();
  }

  /** A whole number; required. */
  public long longValue(String name) {
    if (!(fields.get(name) instanceof Long n)) {
      throw invalid(name, "a whole number");
    }
    return n;
  }

  /** A string, or null when the field is null or missing. */
  public String string(String name) {
    Object value = fields.get(name);
    if (value != null && !(value instanceof String)) {
      throw invalid(name, "a string");
    }
    return (String) value;
  }

  /** A string; required. */
  public String requiredString(String name) {
    return required(name, string(name), "a string");
  }

  /** true or false; required. */
  public boolean bool(String name) {
    if (!(fields.get(name) instanceof Boolean b)) {
      throw invalid(name, "true or false");
    }
    return b;
  }

  /** A nested object; required. */
  public JsonObject object(String name) {
    if (!(fields.get(name) instanceof JsonObject object)) {
      throw invalid(name, "an object");
    }
    return object;
  }

  /** An array of strings; required. */
  public List<String> strings(String name) {
    if (!(fields.get(name) instanceof List<?> list)) {
      throw invalid(name, "an array of strings");
    }
    List<String> strings = new ArrayList<>(list.size());
    for (Object value : list) {
      if (!(value instanceof String s)) {
        throw invalid(name, "an array of strings");
      }
      strings.add(s);
    }
    return strings;
  }

  /** An array of whole numbers that fit an int; required. */
  public List<Integer> integers(String name) {
    if (!(fields.get(name) instanceof List<?> list)) {
      throw invalid(name, "an array of whole numbers");
    }
    List<Integer> integers = new ArrayList<>(list.size());
    for (Object value : list) {
      if (!(value instanceof Long n) || n != n.intValue()) {
        throw invalid(name, "an array of whole numbers");
      }
      integers.add(n.intValue());
    }
    return integers;
  }

  private static <T> T required(String name, T value, String what) {
    if (value == null) {
      throw invalid(name, what);
    }
    return value;
  }

  private static IllegalArgumentException invalid(String name, String what) {
    return new IllegalArgumentException("field " + name + " is not " + what);
  }

  /** Reads one value: objects as JsonObjects, arrays as lists, numbers as Long or Double. */
  private static Object read(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("no value");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String name = p.currentName();
          map.put(name, read(p, p.nextToken()));
        }
        return new JsonObject(map);
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
}
