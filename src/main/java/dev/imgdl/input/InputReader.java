package dev.imgdl.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the entries of the input files in order, one line at a time, so that a list of a
 * million lines is never held in memory as text. UTF-8 with an optional BOM, LF or CRLF; lines
 * are trimmed, and blank lines and lines starting with {@code #} are not entries. A line that is
 * not valid UTF-8 stops the run before anything is downloaded, naming the file and line.
 */
public final class InputReader {
  public static final String STDIN = "-";
  public static final String STDIN_NAME = "<stdin>";

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
    int index = firstIndex;
    int lineNumber = 0;
    try (BufferedReader reader = open(input)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.indexOf('\uFFFD') >= 0) {
          throw new InputException(source + ":" + lineNumber + ": not valid UTF-8", null);
        }
        String trimmed = line.strip();
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

  private BufferedReader open(String input) throws IOException {
    InputStream in = STDIN.equals(input) ? stdin : Files.newInputStream(Path.of(input));
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
