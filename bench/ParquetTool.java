// The benchmark's Parquet helper where python3 has no pyarrow: the same two jobs as
// benchlib.py's parquet-list and parquet-dump, with the parquet-hadoop library of
// imgdl-parquet.jar, which imgdl.jar's Class-Path finds beside it (no Hadoop file system).
// Run as a single source file, no build:
//   java -cp imgdl.jar bench/ParquetTool.java write LIST OUT.parquet
//   java -cp imgdl.jar bench/ParquetTool.java dump FILE.parquet...
// write: one row per line of LIST: url, caption ("image N", N from 0), license ("CC BY 4.0"),
//        all strings, SNAPPY, as pyarrow writes them.
// dump:  one line per row of each metadata file: key, url, status, sha256, tab-separated.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

public class ParquetTool {
  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("write")) {
      write(Path.of(args[1]), Path.of(args[2]));
    } else if (args.length >= 2 && args[0].equals("dump")) {
      try (PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8)) {
        for (int i = 1; i < args.length; i++) {
          dump(Path.of(args[i]), out);
        }
      }
    } else {
      System.err.println("usage: ParquetTool write LIST OUT | dump FILE...");
      System.exit(2);
    }
  }

  static void write(Path list, Path out) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType("message list { optional binary url"
        + " (STRING); optional binary caption (STRING); optional binary license (STRING); }");
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    Files.deleteIfExists(out);
    try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8);
        ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(out))
            .withConf(new PlainParquetConfiguration()).withType(type)
            .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
      String line;
      for (long n = 0; (line = in.readLine()) != null; n++) {
        writer.write(groups.newGroup().append("url", line).append("caption", "image " + n)
            .append("license", "CC BY 4.0"));
      }
    }
  }

  static void dump(Path file, PrintWriter out) throws IOException {
    ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      PageReadStore group;
      while ((group = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
            .getRecordReader(group, new GroupRecordConverter(schema));
        for (long i = 0; i < group.getRowCount(); i++) {
          Group row = records.read();
          out.println(field(row, "key") + "\t" + field(row, "url") + "\t" + field(row, "status")
              + "\t" + field(row, "sha256"));
        }
      }
    }
  }

  static String field(Group row, String name) {
    return row.getType().containsField(name) && row.getFieldRepetitionCount(name) > 0
        ? row.getValueToString(row.getType().getFieldIndex(name), 0) : "";
  }
}
