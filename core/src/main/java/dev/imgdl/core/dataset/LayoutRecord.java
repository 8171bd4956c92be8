package dev.imgdl.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.imgdl.core.download.TempFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The layout that shards in a directory were written with, kept beside them in {@value #FILE}
 * (a name without the temporary prefix, so no sweep removes it): a resume with another layout
 * would name entries after shards that do not hold them. It is written before the first shard.
 *
 * @param format the output format
 * @param shardSize entries per shard
 * @param metadata the format of each shard's metadata file
 * @param shape the options the images were shaped with, or null: as downloaded (a record
 *     without the field, of an imgdl before {@code --resize}, says that too)
 */
public record LayoutRecord(OutputLayout.Format format, int shardSize,
    OutputLayout.Metadata metadata, String shape) {
  /** The record's file name in the output directory. */
  public static final String FILE = "imgdl-layout.json";
  /** The version of the record's format; a record of another version is refused. */
  public static final int VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();

  public static LayoutRecord of(OutputLayout layout) {
    return new LayoutRecord(layout.format(), layout.shardSize(), layout.metadata(),
        layout.shape());
  }

  /** The record in {@code dir}, or null when there is none. */
  public static LayoutRecord read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + ": not a layout record");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        fields.put(name, value.isNumeric() ? (Object) p.getLongValue()
            : value == JsonToken.VALUE_NULL ? null : p.getText());
      }
    }
    try {
      if (!Long.valueOf(VERSION).equals(fields.get("version"))) {
        throw new IOException(file + ": a layout record of version " + fields.get("version")
            + ", not " + VERSION + " (written by another imgdl)");
      }
      return new LayoutRecord(
          OutputLayout.Format.valueOf(upper(fields.get("outputFormat"))),
          Math.toIntExact((Long) fields.get("shardSize")),
          OutputLayout.Metadata.valueOf(upper(fields.get("metadata"))),
          (String) fields.get("resize"));
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a layout record", e);
    }
  }

  /**
   * The layout of the shards that an older imgdl left in {@code dir} without a record, as far as
   * they show it, or null when there are none: the metadata format of the lowest shard's metadata
   * file, and as size the row count of the lowest complete shard that a later shard follows (only
   * a last shard is shorter), else {@code wanted}'s, unless the one complete shard holds more.
   */
  public static LayoutRecord inferred(Path dir, OutputLayout wanted) throws IOException {
    TreeMap<Integer, String> metadataFiles = new TreeMap<>();
    TreeSet<Integer> tars = new TreeSet<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "[0-9][0-9][0-9][0-9][0-9]"
        + ".{tar,parquet,jsonl}")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        int shard = Integer.parseInt(name.substring(0, 5));
        String extension = name.substring(6);
        if (extension.equals("tar")) {
          tars.add(shard);
        } else {
          metadataFiles.putIfAbsent(shard, extension);
        }
      }
    }
    if (tars.isEmpty() && metadataFiles.isEmpty()) {
      return null;
    }
    OutputLayout.Metadata metadata = metadataFiles.isEmpty() ? wanted.metadata()
        : OutputLayout.Metadata.valueOf(upper(metadataFiles.firstEntry().getValue()));
    int size = wanted.shardSize();
    for (int shard : tars) {
      if (!metadata.extension().equals(metadataFiles.get(shard))) {
        continue;
      }
      int rows = ShardRows.read(dir.resolve(String.format("%05d.%s", shard,
          metadata.extension())), metadata).size();
      if (tars.higher(shard) != null || rows > size) {
        size = rows;
      }
      break;
    }
    // An imgdl that wrote no record had no --resize.
    return new LayoutRecord(OutputLayout.Format.WEBDATASET, size, metadata, null);
  }

  private static String shaped(String shape) {
    return shape == null ? "images as downloaded (no --resize)" : "images made with " + shape;
  }

  private static String upper(Object value) {
    return String.valueOf(value).toUpperCase(Locale.ROOT);
  }

  /**
   * Writes the record into {@code dir} atomically: under a temporary name of the run (swept if
   * the run dies), then renamed.
   */
  public void write(Path dir, String runId) throws IOException {
    Path temp = dir.resolve(TempFiles.PREFIX + runId + "-layout");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
          JsonGenerator g = JSON.createGenerator(out)) {
        g.writeStartObject();
        g.writeNumberField("version", VERSION);
        g.writeStringField("outputFormat", format.name().toLowerCase(Locale.ROOT));
        g.writeNumberField("shardSize", shardSize);
        g.writeStringField("metadata", metadata.extension());
        if (shape != null) {
          g.writeStringField("resize", shape);
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
      Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Why a run of {@code wanted} cannot resume shards of this layout in {@code dirName}, in one
   * sentence naming both values and the way out; null when it can.
   */
  public String conflict(OutputLayout wanted, String dirName) {
    if (wanted.format() != format) {
      String had = format.name().toLowerCase(Locale.ROOT);
      return dirName + " holds " + had + " shards (--output-format " + had
          + "); this run asks for " + wanted.format().name().toLowerCase(Locale.ROOT)
          + ": use the same --output-format, or --overwrite";
    }
    if (wanted.shardSize() != shardSize) {
      return dirName + " holds shards of " + shardSize + " entries (--shard-size " + shardSize
          + "); this run asks for " + wanted.shardSize()
          + ": use the same --shard-size, or --overwrite";
    }
    if (wanted.metadata() != metadata) {
      return dirName + " holds shards with " + metadata.extension() + " metadata (--metadata "
          + metadata.extension() + "); this run asks for " + wanted.metadata().extension()
          + ": use the same --metadata, or --overwrite";
    }
    if (!Objects.equals(wanted.shape(), shape)) {
      return dirName + " holds shards of " + shaped(shape) + "; this run asks for "
          + shaped(wanted.shape()) + ": use the same options, or --overwrite";
    }
    return null;
  }
}
