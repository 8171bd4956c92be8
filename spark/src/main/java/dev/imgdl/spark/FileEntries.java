package dev.imgdl.spark;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.InputOptions;
import dev.imgdl.core.input.InputReader;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One input file read whole in one task, through Hadoop's {@code FileSystem.open} and the
 * core's {@link InputReader}: the CLI's rules (BOM, quoted line breaks, comments and blank lines
 * of a list), reasons and messages. A file that cannot be read gives one {@link Read} holding
 * the core's message instead of rows, so that the task does not fail (and is not retried, nor
 * logged with its stack) and the driver stops the run with that message before any request.
 */
final class FileEntries {
  private FileEntries() {}

  /**
   * One entry as the input table holds it, or the file's error.
   *
   * @param values the reader's reason for an invalid row (or null), the URL, the caption, the
   *     saved values (String, Long, Double, Boolean or null) and, with a hash column, the
   *     expected hash's hex digits
   * @param error the core's message for a file that cannot be read, or null
   */
  record Read(Object[] values, String error) implements Serializable {}

  static List<Read> read(InputFiles.InputFile file, JobSettings s, Configuration conf) {
    InputOptions options = new InputOptions(s.format(), s.urlCol(), s.captionCol(),
        s.saveCols(), s.hash());
    List<Read> out = new ArrayList<>();
    Path path = new Path(file.uri());
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      new InputReader(InputStream.nullInputStream(), options)
          .read(file.source(), in, 0, e -> out.add(new Read(values(e, s), null)));
    } catch (InputException e) {
      return List.of(new Read(null, e.getMessage()));
    } catch (IOException e) {
      return List.of(new Read(null, file.source() + ": cannot read: " + e.getMessage()));
    }
    return out;
  }

  private static Object[] values(Entry e, JobSettings s) {
    List<Object> values = new ArrayList<>();
    values.add(e.invalidReason());
    values.add(e.url());
    values.add(e.caption());
    for (String column : s.saveCols()) {
      Object value = e.saved().get(column);
      values.add(value instanceof Row.Foreign f ? f.text() : value);
    }
    if (s.hash() != null) {
      values.add(e.hash() == null ? null : e.hash().hex());
    }
    return values.toArray();
  }
}
