package dev.imgdl.core.dataset;

import dev.imgdl.core.source.ParquetSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the images of a run go: plain files (optionally spread over numbered subfolders) or
 * WebDataset shards with their metadata.
 *
 * @param format files or webdataset
 * @param subdirs files: most files per subfolder, 0 for all in the output directory
 * @param shardSize webdataset: entries per shard, invalid and duplicate ones included
 * @param metadata webdataset: the format of the metadata file beside each tar
 * @param shape what the images were shaped with, as the options say it ({@code
 *     TransformSettings.shape()}: {@code --resize 256 --resize-mode border ...}), or null for
 *     bodies as downloaded: a resume of shards must not change it
 */
public record OutputLayout(Format format, int subdirs, int shardSize, Metadata metadata,
    String shape) {
  /** Files at the top of the output directory, today's default. */
  public static final OutputLayout FILES = new OutputLayout(Format.FILES, 0, 10_000,
      Metadata.PARQUET, null);

  /** This layout with its images shaped as {@code shape} says (null: as downloaded). */
  public OutputLayout withShape(String shape) {
    return new OutputLayout(format, subdirs, shardSize, metadata, shape);
  }

  /** The output formats. */
  public enum Format {
    FILES,
    WEBDATASET;

    /** The option value naming this format. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Every option value: what completion offers and a bad value's message names. */
    public static final class Labels implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return Arrays.stream(values()).map(Format::label).iterator();
      }
    }
  }

  /** The metadata formats, by their file extension. */
  public enum Metadata {
    PARQUET,
    JSONL;

    /** The option value naming this format, and the metadata file's extension. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Every option value: what completion offers and a bad value's message names. */
    public static final class Labels implements Iterable<String> {
      @Override
      public Iterator<String> iterator() {
        return Arrays.stream(values()).map(Metadata::extension).iterator();
      }
    }

    /** Writes one shard's rows to {@code out}, which is closed after. */
    public void write(List<Map<String, Object>> rows, OutputStream out) throws IOException {
      if (this == PARQUET) {
        // The front end has refused a run that needs Parquet without it (a usage error).
        ParquetSupport.find().orElseThrow(() -> new IllegalStateException(
            "Parquet metadata " + ParquetSupport.NEEDS)).writeMetadata(rows, out);
      } else {
        try (out) {
          JsonlMetadata.write(rows, out);
        }
      }
    }
  }

  public boolean webdataset() {
    return format == Format.WEBDATASET;
  }

  /** The subfolder prefix ({@code 00042/}) of the entry at {@code index}, or "" without one. */
  public String folder(int index) {
    return subdirs > 0 ? String.format("%05d/", index / subdirs) : "";
  }
}
