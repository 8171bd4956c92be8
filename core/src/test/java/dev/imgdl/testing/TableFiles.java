package dev.imgdl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Text table files for tests, written by the library imgdl reads them with, Commons CSV
 * (Parquet files: {@code ParquetFiles} in the parquet module's tests).
 */
public final class TableFiles {
  private TableFiles() {}

  /** A CSV or TSV file (gzipped when its name ends with .gz): a header, then the rows. */
  public static Path csv(Path file, char delimiter, List<String> header, List<List<?>> rows)
      throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter)
        .setHeader(header.toArray(String[]::new)).get();
    try (OutputStream out = open(file);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format)) {
      for (List<?> row : rows) {
        printer.printRecord(row);
      }
    }
    return file;
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return file.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out;
  }
}
