package dev.imgdl.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/**
 * Reads and writes {@link Message} lines with one shared Jackson mapper, the same library as
 * the report. Writes are synchronized per writer so that lines never interleave.
 */
final class Wire {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Wire() {}

  /** Parses a line, or throws {@link IOException} saying why it is not a message. */
  static Message parse(String line) throws IOException {
    Message m;
    try {
      m = MAPPER.readValue(line, Message.class);
    } catch (JsonProcessingException e) {
      throw new IOException("not a message: " + abbreviate(line));
    }
    if (m.v() != Message.VERSION || m.type() == null) {
      throw new IOException("message of unknown version or type: " + abbreviate(line));
    }
    return m;
  }

  static void send(Writer out, Message message) throws IOException {
    send(out, message, true);
  }

  /** Writes one line; {@code flush} false lets a batch of lines go out together. */
  static void send(Writer out, Message message, boolean flush) throws IOException {
    String line = MAPPER.writeValueAsString(message);
    synchronized (out) {
      out.write(line);
      out.write('\n');
      if (flush) {
        out.flush();
      }
    }
  }

  static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 120) + "…";
  }
}
