package dev.imgdl.core.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parquet, which the core reads (inputs) and writes (webdataset metadata) but does not hold:
 * Parquet and Hadoop weigh some 30 MB, so they live in the optional {@code imgdl-parquet.jar}
 * (module {@code parquet}), whose implementation of this interface is found with {@link
 * java.util.ServiceLoader}, and only when a Parquet file is met: a list run loads none of it.
 * It sits in {@code core.source} because the row reader is this package's type; the dataset
 * side reaches it from there without a package cycle.
 */
public interface ParquetSupport {
  /** How to get the jar, after what needs it ("reading Parquet needs …"). */
  String NEEDS = "needs imgdl-parquet.jar beside imgdl.jar (./mvnw -B package builds it)";

  /**
   * A reader of the Parquet file {@code file} (named {@code source} in messages) that reads
   * only the columns {@code wanted}; a file that is not Parquet is an input error.
   */
  RowReader open(Path file, String source, List<String> wanted);

  /** Writes one shard's metadata rows to {@code out}, which it closes. */
  void writeMetadata(List<Map<String, Object>> rows, OutputStream out) throws IOException;

  /**
   * The metadata rows of a shard's {@code .parquet} file as written, in column order: String,
   * Long, Integer, Double, Boolean or null values (as {@code JsonlMetadata} writes them).
   */
  List<Map<String, Object>> readMetadata(Path file) throws IOException;

  /** The implementation on the class path, if the optional jar is there. */
  static Optional<ParquetSupport> find() {
    return ParquetLookup.FOUND;
  }
}
