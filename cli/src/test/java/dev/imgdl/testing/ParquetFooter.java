package dev.imgdl.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * Rewrites the footer of a Parquet file parquet-java wrote, to look like another writer's: its
 * writer has no setter for {@code created_by}, and the files other writers make (hyparquet,
 * polars) are what a user brings.
 */
public final class ParquetFooter {
  private static final int TAIL = 8;

  private ParquetFooter() {}

  /** Sets the footer's {@code created_by} of {@code file} to {@code createdBy}. */
  public static Path setCreatedBy(Path file, String createdBy) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int length = ByteBuffer.wrap(bytes, bytes.length - TAIL, 4).order(ByteOrder.LITTLE_ENDIAN)
        .getInt();
    int start = bytes.length - TAIL - length;
    FileMetaData footer =
        Util.readFileMetaData(new ByteArrayInputStream(bytes, start, length));
    footer.setCreated_by(createdBy);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, start);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    Util.writeFileMetaData(footer, written);
    written.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(written.size())
        .array());
    out.write(Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
    Files.write(file, out.toByteArray());
    return file;
  }
}
