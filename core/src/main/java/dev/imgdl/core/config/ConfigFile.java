package dev.imgdl.core.config;

import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A config file as curl's {@code .curlrc} and wget2's {@code wget2rc} hold options: each line
 * holds words as the command line would, split as a shell splits them ({@code 'single'} and
 * {@code "double"} quotes, a backslash before a character); blank lines and lines whose first
 * word starts with {@code #} are skipped. Only the words are read here; what they mean is for
 * {@link ConfigArgs}, which knows the command.
 */
public final class ConfigFile {
  /** The words of one line, with its number (from 1) for messages. */
  public record Line(int number, List<String> words) {
    public Line {
      words = List.copyOf(words);
    }
  }

  /** A file larger than this is no config file: refused rather than read into memory. */
  private static final long MAX_BYTES = 1 << 20;

  private final String name;
  private final List<Line> lines;

  ConfigFile(String name, List<Line> lines) {
    this.name = name;
    this.lines = List.copyOf(lines);
  }

  /** The file as the user named it, for messages. */
  public String name() {
    return name;
  }

  public List<Line> lines() {
    return lines;
  }

  /**
   * Reads {@code path}, named {@code name} in messages; a file that cannot be read, is not a
   * regular file or not UTF-8, or a line with an unclosed quote, is a {@link ConfigException}.
   */
  public static ConfigFile read(Path path, String name) {
    String safeName = ConsoleText.safe(name);
    String text;
    try {
      if (!Files.isRegularFile(path)) {
        throw new ConfigException("config file " + safeName + ": "
            + (Files.exists(path) ? "not a regular file" : "no such file"));
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new ConfigException("config file " + safeName + ": larger than 1 MiB");
      }
      text = StandardCharsets.UTF_8.newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException("config file " + safeName + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException("config file " + safeName + " cannot be read: "
          + ThrowableText.reason(e));
    }
    return parse(name, text);
  }

  /** The lines of {@code text}, as {@link #read} makes them. */
  public static ConfigFile parse(String name, String text) {
    List<Line> lines = new ArrayList<>();
    String[] raw = text.split("\r?\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = i == 0 && raw[i].startsWith("\uFEFF") ? raw[i].substring(1) : raw[i];
      List<String> words = words(line, name, i + 1);
      if (!words.isEmpty()) {
        lines.add(new Line(i + 1, words));
      }
    }
    return new ConfigFile(name, lines);
  }

  /** The words of {@code line}, split as a POSIX shell does, without expansions. */
  static List<String> words(String line, String name, int number) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (word == null && c == '#') {
        break; // a comment: from a word's start to the end of the line
      }
      if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      word = word != null ? word : new StringBuilder();
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw unclosed(name, number, "'");
        }
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word, name, number);
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends the text after an opening {@code "} to {@code word}; returns the closing index. */
  private static int doubleQuoted(String line, int from, StringBuilder word, String name,
      int number) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        c = line.charAt(++i);
      }
      word.append(c);
    }
    throw unclosed(name, number, "\"");
  }

  private static ConfigException unclosed(String name, int number, String quote) {
    return new ConfigException(ConsoleText.safe(name) + ":" + number + ": unclosed " + quote);
  }
}
