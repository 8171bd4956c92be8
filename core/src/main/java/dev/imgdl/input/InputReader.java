package dev.imgdl.input;

import dev.imgdl.text.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Streams the entries of the input files in order, one line at a time, so that a list of a
 * million lines is never held in memory as text. UTF-8 with an optional BOM, LF or CRLF (or a
 * lone CR, as {@link java.io.BufferedReader#readLine} read it before); lines are trimmed, and
 * blank lines and lines starting with {@code #} are not entries. A line that is not valid UTF-8
 * stops the run before anything is downloaded, naming the file and line. A line longer than
 * {@link #MAX_LINE_BYTES} is an invalid entry (unless it is a comment), of which only the first
 * bytes are ever held, so that any input, {@code /dev/zero} included, keeps memory bounded.
 */
public final class InputReader {
  public static final String STDIN = "-";
  public static final String STDIN_NAME = "<stdin>";

  /**
   * The most bytes a line may have, line break excluded: a few hundred KiB is generous for a URL
   * (browsers and servers stop far below), and small enough to hold once per input.
   */
  public static final int MAX_LINE_BYTES = 256 * 1024;

  static final String TOO_LONG = "line too long (over " + MAX_LINE_BYTES / 1024 + " KiB)";

  /** How much of a line that is too long is shown as its URL, in characters, before "…". */
  static final int SHOWN_CHARS = 200;

  /** A scheme and the start of a host part that runs to the end: a host, or user:password. */
  private static final Pattern OPEN_AUTHORITY =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*");

  private final InputStream stdin;

  public InputReader(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Checks that every input file can be opened, before anything is downloaded. */
  public void checkReadable(List<String> inputs) {
    for (String input : inputs) {
      if (STDIN.equals(input)) {
        continue;
      }
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        throw new InputException(input + ": is a directory", null);
      }
      if (!Files.isReadable(path)) {
        throw new InputException(input + ": cannot read file (missing or no permission)", null);
      }
    }
  }

  /** Calls {@code sink} with every entry of {@code inputs}, in order, numbered from 0. */
  public void read(List<String> inputs, Consumer<Entry> sink) {
    int index = 0;
    for (String input : inputs) {
      index = readOne(input, index, sink);
    }
  }

  private int readOne(String input, int firstIndex, Consumer<Entry> sink) {
    String source = STDIN.equals(input) ? STDIN_NAME : input;
    // Strict: a valid U+FFFD in a line is a character like any other, malformed bytes are not.
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    int index = firstIndex;
    int lineNumber = 0;
    try (InputStream in = open(input)) {
      LineScanner lines = new LineScanner(in, MAX_LINE_BYTES);
      while (lines.next()) {
        lineNumber++;
        int start = lineNumber == 1 && startsWithBom(lines) ? 3 : 0;
        if (lines.tooLong()) {
          String kept = new String(lines.bytes(), start, lines.length() - start,
              StandardCharsets.UTF_8).strip();
          if (!kept.startsWith("#")) {
            sink.accept(new Entry(index++, source, lineNumber, shortened(kept), TOO_LONG));
          }
          continue;
        }
        String trimmed = decode(strict, lines, start, source + ":" + lineNumber).strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
          continue;
        }
        sink.accept(new Entry(index++, source, lineNumber, trimmed));
      }
    } catch (NoSuchFileException e) {
      throw new InputException(source + ": no such file", e);
    } catch (IOException e) {
      throw new InputException(source + ": cannot read: " + e.getMessage(), e);
    }
    return index;
  }

  private static String decode(
      CharsetDecoder strict, LineScanner lines, int start, String location) {
    try {
      return strict.decode(ByteBuffer.wrap(lines.bytes(), start, lines.length() - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(location + ": not valid UTF-8", e);
    }
  }

  private static boolean startsWithBom(LineScanner lines) {
    byte[] b = lines.bytes();
    return lines.length() >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB
        && (b[2] & 0xFF) == 0xBF;
  }

  /**
   * The first characters of the kept part of a line that is too long, and "…", with user
   * information hidden here, as the rest of the line is gone. When even the host part does not
   * end within the kept part, all of it may be a password, and none of it is shown.
   */
  private static String shortened(String kept) {
    String text = OPEN_AUTHORITY.matcher(kept).matches()
        ? kept.substring(0, kept.indexOf("://") + 3)
        : Credentials.redact(kept);
    int end = text.codePointCount(0, text.length()) <= SHOWN_CHARS
        ? text.length()
        : text.offsetByCodePoints(0, SHOWN_CHARS);
    return text.substring(0, end) + "…";
  }

  private InputStream open(String input) throws IOException {
    return STDIN.equals(input) ? stdin : Files.newInputStream(Path.of(input));
  }
}
