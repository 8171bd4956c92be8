package dev.imgdl.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the {@link RowReader} of a format. Each format's classes, Parquet's and Hadoop's above
 * all, are loaded only when a file of that format is read, so a plain list starts no slower;
 * Parquet's come from the optional jar ({@link ParquetSupport}).
 */
public final class RowReaders {
  private RowReaders() {}

  /**
   * A reader of a text table ({@code in}, already decompressed) or of a Parquet file ({@code
   * file}, which must then be a plain file on disk).
   */
  public static RowReader open(InputFormat format, String source, InputStream in, Path file,
      boolean gzipped, List<String> wanted) throws IOException {
    return switch (format) {
      case CSV -> new CsvRows(in, source, wanted, ',');
      case TSV -> new CsvRows(in, source, wanted, '\t');
      case JSONL -> new JsonlRows(in, source, wanted);
      case PARQUET -> {
        if (file == null) {
          throw new InputException(source + ": Parquet cannot be read from standard input "
              + "(it is read from the end): give its file name", null);
        }
        if (gzipped) {
          throw new InputException(source + ": a gzipped Parquet file cannot be read "
              + "(Parquet compresses its pages itself): gunzip it first", null);
        }
        yield parquet(source).open(file, source, wanted);
      }
      case LINES -> throw new IllegalArgumentException("a list is not a table");
    };
  }

  /** The optional module's Parquet, or an input error that says how to get it. */
  public static ParquetSupport parquet(String source) {
    return ParquetSupport.find().orElseThrow(() ->
        new InputException(source + ": reading Parquet " + ParquetSupport.NEEDS, null));
  }
}
