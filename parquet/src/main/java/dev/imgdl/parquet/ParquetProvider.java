package dev.imgdl.parquet;

import dev.imgdl.core.source.ParquetSupport;
import dev.imgdl.core.source.RowReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Parquet for the core, registered in {@code META-INF/services} for its ServiceLoader. */
public final class ParquetProvider implements ParquetSupport {
  @Override
  public RowReader open(Path file, String source, List<String> wanted) {
    return ParquetRows.open(file, source, wanted);
  }

  @Override
  public void writeMetadata(List<Map<String, Object>> rows, OutputStream out)
      throws IOException {
    ParquetMetadata.write(rows, out);
  }

  @Override
  public List<Map<String, Object>> readMetadata(Path file) throws IOException {
    return MetadataReader.read(file);
  }
}
