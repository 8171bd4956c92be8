package dev.imgdl.parquet;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.LineScanner;
import dev.imgdl.core.source.Row;
import dev.imgdl.core.source.RowReader;
import dev.imgdl.core.text.Excerpt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files through parquet-hadoop, without a Hadoop file system: the file is opened as a
 * {@link LocalInputFile}, only the wanted columns are read, and one row group at a time is held.
 * The schema's top-level fields are the columns; a row is numbered by its 1-based position in
 * the file. Text (BINARY as string, or plain BINARY read as UTF-8), whole numbers, decimals and
 * booleans are values; anything else (nested, repeated) is kept as text and is never a URL.
 */
final class ParquetRows implements RowReader {
  private final ParquetFileReader reader;
  private final String source;
  private final List<String> wanted;
  private final List<String> names = new ArrayList<>();
  private final MessageType projection;
  private RecordReader<Group> records;
  private long leftInGroup;
  private int number;

  private ParquetRows(ParquetFileReader reader, String source, List<String> wanted) {
    this.reader = reader;
    this.source = source;
    this.wanted = wanted;
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    List<Type> kept = new ArrayList<>();
    for (Type field : schema.getFields()) {
      names.add(field.getName());
      if (wanted.contains(field.getName())) {
        kept.add(field);
      }
    }
    this.projection = new MessageType(schema.getName(), kept);
    reader.setRequestedSchema(projection);
  }

  static ParquetRows open(Path file, String source, List<String> wanted) {
    ParquetFileReader reader;
    try {
      if (Files.size(file) == 0) {
        throw new InputException(source + ": not a Parquet file (empty)", null);
      }
      ParquetReadOptions options =
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
      reader = ParquetFileReader.open(new NamedFile(file, source), options);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException known) {
        throw known;
      }
      throw new InputException(source + ": not a readable Parquet file: "
          + Excerpt.text(e.getMessage()), e);
    }
    return new ParquetRows(reader, source, wanted);
  }

  @Override
  public List<String> columns() {
    return reader.getRecordCount() == 0 ? null : names;
  }

  @Override
  public Row next() {
    try {
      while (leftInGroup == 0) {
        PageReadStore group = reader.readNextRowGroup();
        if (group == null) {
          return null;
        }
        leftInGroup = group.getRowCount();
        records = new ColumnIOFactory().getColumnIO(projection)
            .getRecordReader(group, new GroupRecordConverter(projection));
      }
      leftInGroup--;
      number++;
      Group group = records.read();
      String tooLong = tooLong(group);
      return tooLong != null ? new Row(number, new Object[wanted.size()], tooLong)
          : new Row(number, values(group), null);
    } catch (IOException | RuntimeException e) {
      throw new InputException(source + ":" + (number + 1) + ": cannot read Parquet row: "
          + e.getMessage(), e);
    }
  }

  /**
   * Why the row is invalid when a text or binary value of it is longer than a line of a list
   * may be, or null: the value is measured before it becomes a string, so that one huge caption
   * costs its bytes once, not the many copies an entry, its report and its metadata would make.
   */
  private String tooLong(Group group) {
    for (Type type : projection.getFields()) {
      String column = type.getName();
      if (type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED)
          && type.asPrimitiveType().getPrimitiveTypeName()
              == PrimitiveType.PrimitiveTypeName.BINARY
          && group.getFieldRepetitionCount(column) > 0
          && group.getBinary(column, 0).length() > LineScanner.MAX_LINE_BYTES) {
        return "column \"" + column + "\" too long (over " + LineScanner.MAX_LINE_BYTES / 1024
            + " KiB)";
      }
    }
    return null;
  }

  private Object[] values(Group group) {
    Object[] values = new Object[wanted.size()];
    for (int i = 0; i < values.length; i++) {
      String column = wanted.get(i);
      if (projection.containsField(column)
          && group.getFieldRepetitionCount(column) > 0) {
        values[i] = value(group, projection.getType(column));
      }
    }
    return values;
  }

  private static Object value(Group group, Type type) {
    String name = type.getName();
    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
      return new Row.Foreign(type.isPrimitive() ? "a list" : "a group",
          group.getGroup(name, 0).toString().strip());
    }
    PrimitiveType primitive = type.asPrimitiveType();
    LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
    return switch (primitive.getPrimitiveTypeName()) {
      case BINARY -> logical == null || logical instanceof
          LogicalTypeAnnotation.StringLogicalTypeAnnotation
          ? group.getString(name, 0)
          : new Row.Foreign("binary data", group.getValueToString(group.getType()
              .getFieldIndex(name), 0));
      case INT32 -> (long) group.getInteger(name, 0);
      case INT64 -> group.getLong(name, 0);
      case FLOAT -> (double) group.getFloat(name, 0);
      case DOUBLE -> group.getDouble(name, 0);
      case BOOLEAN -> group.getBoolean(name, 0);
      default -> new Row.Foreign(primitive.getPrimitiveTypeName().name().toLowerCase(),
          group.getValueToString(group.getType().getFieldIndex(name), 0));
    };
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The file under its name as given: Parquet's messages name a file by its toString. */
  private static final class NamedFile extends LocalInputFile {
    private final String name;

    NamedFile(Path file, String name) {
      super(file);
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
