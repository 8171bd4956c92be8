package dev.imgdl.core.input;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.core.source.LineScanner;
import dev.imgdl.core.source.RowReader;
import dev.imgdl.core.source.RowReaders;
import dev.imgdl.core.text.Credentials;
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
import java.util.zip.GZIPInputStream;

/**
 * Streams the entries of the input files in order, one line or row at a time, so that an input
 * of a million entries is never held in memory as text. Tables (CSV, TSV, JSONL, Parquet) are
 * read by their {@link RowReader}; a name ending in {@code .gz} is read through gzip. Lists:
 * UTF-8 with an optional BOM, LF or CRLF (or a lone CR, as {@link
 * java.io.BufferedReader#readLine} read it before); lines are trimmed, and blank lines and lines
 * starting with {@code #} are not entries. A line that is not valid UTF-8, or that holds a NUL
 * byte, stops the run before anything is downloaded, naming the file and line; a NUL as soon as
 * it is read, so that {@code /dev/zero} ends at once. A line longer than {@link
 * LineScanner#MAX_LINE_BYTES} is an invalid entry (unless it is a comment), of which only the
 * first bytes are ever held, so that any input keeps memory bounded.
 */
public final class InputReader {
  public static final String STDIN = "-";
  public static final String STDIN_NAME = "<stdin>";

  static final String TOO_LONG =
      "line too long (over " + LineScanner.MAX_LINE_BYTES / 1024 + " KiB)";

  /** How much of a line that is too long is shown as its URL, in characters, before "…". */
  static final int SHOWN_CHARS = 200;

  /** A scheme and the start of a host part that runs to the end: a host, or user:password. */
  private static final Pattern OPEN_AUTHORITY =
      Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*");

  private final InputStream stdin;
  private final InputOptions options;

  /** A reader of lists, or of tables by their file names with a {@code url} column. */
  public InputReader(InputStream stdin) {
    this(stdin, InputOptions.DEFAULT);
  }

  public InputReader(InputStream stdin, InputOptions options) {
    this.stdin = stdin;
    this.options = options;
  }

  /**
   * Checks, before anything is downloaded, that every input file can be opened and that each
   * regular file (Parquet aside, whose rows cannot be malformed text) reads to its end without
   * an error that stops the run: bytes that are not UTF-8, a malformed CSV or JSON row. Entries
   * stream into the workers while the input is read, so without this a bad line part way
   * through a file would stop a run that has already downloaded. Standard input and other
   * streams cannot be read twice: for them such an error still stops the run where it is met.
   */
  public void check(List<String> inputs) {
    checkReadable(inputs);
    for (String input : inputs) {
      if (!STDIN.equals(input) && Files.isRegularFile(Path.of(input))
          && options.formatOf(input) != InputFormat.PARQUET) {
        readOne(input, 0, entry -> {});
      }
    }
  }

  /** Checks that every input file can be opened, Parquet ones with the optional jar. */
  private void checkReadable(List<String> inputs) {
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
      if (options.formatOf(input) == InputFormat.PARQUET) {
        RowReaders.parquet(input);
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

  /**
   * Calls {@code sink} with every entry of one text input that the caller opened ({@code in},
   * still gzipped when {@code source}'s name ends in {@code .gz}), numbered from {@code
   * firstIndex}, with the rules and messages of a file named {@code source}: for a front end
   * that opens its files itself, as the Spark job does through Hadoop. Parquet is read from a
   * file, not a stream. Returns the next index.
   */
  public int read(String source, InputStream in, int firstIndex, Consumer<Entry> sink) {
    InputFormat format = options.formatOf(source);
    Opener opener = () -> InputFormat.gzipped(source) ? gunzip(source, in) : in;
    return format == InputFormat.LINES
        ? readList(source, opener, firstIndex, sink)
        : readTable(format, source, null, opener, firstIndex, sink);
  }

  private int readOne(String input, int firstIndex, Consumer<Entry> sink) {
    InputFormat format = options.formatOf(input);
    String source = STDIN.equals(input) ? STDIN_NAME : input;
    try {
      return format == InputFormat.LINES
          ? readList(source, () -> open(input), firstIndex, sink)
          : readTable(format, source, STDIN.equals(input) ? null : Path.of(input),
              () -> open(input), firstIndex, sink);
    } catch (OutOfMemoryError e) {
      // What the read held is gone with its frames; the message names the file for the user
      // (a Parquet page header that claims 2 GiB, a row group too large for the heap).
      OutOfMemoryError named = new OutOfMemoryError("out of memory while reading "
          + (STDIN.equals(input) ? STDIN_NAME : input));
      named.initCause(e);
      throw named;
    }
  }

  /** How a reader gets the bytes of its input, opened when the read starts. */
  private interface Opener {
    InputStream open() throws IOException;
  }

  private int readTable(InputFormat format, String source, Path file, Opener opener,
      int firstIndex, Consumer<Entry> sink) {
    boolean gzipped = file != null && InputFormat.gzipped(source);
    // Parquet reads its file itself, from the end.
    boolean opensItself = format == InputFormat.PARQUET;
    try (InputStream in = opensItself ? InputStream.nullInputStream() : opener.open();
        RowReader rows = RowReaders.open(format, source, in, file, gzipped, options.columns())) {
      return new TableEntries(options).read(rows, source, firstIndex, sink);
    } catch (NoSuchFileException e) {
      throw new InputException(source + ": no such file", e);
    } catch (IOException e) {
      throw new InputException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private int readList(String source, Opener opener, int firstIndex, Consumer<Entry> sink) {
    // Strict: a valid U+FFFD in a line is a character like any other, malformed bytes are not.
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
    int index = firstIndex;
    int lineNumber = 0;
    try (InputStream in = opener.open()) {
      LineScanner lines = new LineScanner(in, LineScanner.MAX_LINE_BYTES);
      while (lines.next()) {
        lineNumber++;
        if (lines.nul()) {
          throw new InputException(source + ":" + lineNumber + ": " + LineScanner.NUL, null);
        }
        int start = lineNumber == 1 && startsWithBom(lines) ? 3 : 0;
        if (lines.tooLong()) {
          String kept = new String(lines.bytes(), start, lines.length() - start,
              StandardCharsets.UTF_8).strip();
          if (!kept.startsWith("#")) {
            sink.accept(Entry.builder(index++, source, lineNumber, shortened(kept))
                .invalid(TOO_LONG).build());
          }
          continue;
        }
        String trimmed = decode(strict, lines, start, source + ":" + lineNumber).strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
          continue;
        }
        sink.accept(Entry.of(index++, source, lineNumber, trimmed));
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
    if (STDIN.equals(input)) {
      return stdin;
    }
    InputStream in = Files.newInputStream(Path.of(input));
    return InputFormat.gzipped(input) ? gunzip(input, in) : in;
  }

  private static InputStream gunzip(String input, InputStream in) throws IOException {
    try {
      return new GZIPInputStream(in, 64 * 1024);
    } catch (IOException e) {
      in.close();
      throw new InputException(input + ": not a gzip file: " + e.getMessage(), e);
    }
  }
}
