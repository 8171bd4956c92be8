package dev.imgdl.cli.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.imgdl.cli.json.ResultJson;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import dev.imgdl.core.text.Credentials;
import dev.imgdl.core.text.ThrowableText;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the JSON report of docs/spec.md, streaming, so that a million results need no tree in
 * memory. A report file is written to a temporary file beside it and renamed into place, so a
 * reader never sees half a report. URLs and errors are written with their credentials hidden;
 * everything else exactly as it came, control characters included (JSON escapes them).
 */
final class ReportWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private ReportWriter() {}

  /**
   * Writes the report to {@code path} atomically, its temporary file registered with {@code
   * temps}. A failure is thrown with the system's reason as its message ({@code No space left
   * on device}).
   */
  public static void write(RunRecord run, Path path, TempFiles temps) throws IOException {
    AtomicFile.write(path, ".imgdl-report-", AtomicFile.ORDINARY, temps, out -> write(run, out));
  }

  /**
   * Writes the report to standard output. A print stream hides write errors, so they are looked
   * for after every block: a closed pipe or a full disk stops the report at once, and is thrown
   * with the system's reason as its message ({@code Broken pipe}).
   */
  public static void writeToStandardOutput(RunRecord run, PrintStream stdout)
      throws IOException {
    write(run, new FilterOutputStream(stdout) {
      @Override
      public void write(int b) throws IOException {
        stdout.write(b);
        check(stdout);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        stdout.write(b, off, len);
        check(stdout);
      }

      @Override
      public void flush() throws IOException {
        check(stdout);
      }
    });
  }

  private static void check(PrintStream stdout) throws IOException {
    if (stdout.checkError()) {
      IOException cause = stdout instanceof CheckedPrintStream s ? s.error() : null;
      throw cause == null
          ? new IOException("write error")
          : new IOException(ThrowableText.reason(cause), cause);
    }
  }

  /** Writes the report to a stream, which is flushed but left open. */
  public static void write(RunRecord run, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(new ReportLayout());
      json.writeStartObject();
      json.writeNumberField("version", 1);
      json.writeStringField("mode", run.mode().label());
      json.writeNumberField("workers", run.workers());
      json.writeStringField("startedAt", run.startedAt().toString());
      json.writeNumberField("seconds", seconds(run.seconds()));
      if (!run.inputComplete()) {
        json.writeBooleanField("interrupted", true);
      }
      writeSummary(json, run.summary());
      json.writeArrayFieldStart("workerStats");
      for (WorkerStats w : run.workerStats()) {
        writeWorker(json, w);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("results");
      for (int i = 0; i < run.results().size(); i++) {
        writeResult(json, run.entries().get(i), run.results().get(i));
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    }
    out.flush();
  }

  private static void writeSummary(JsonGenerator json, Summary s) throws IOException {
    json.writeObjectFieldStart("summary");
    for (Map.Entry<String, Number> field : s.fields().entrySet()) {
      json.writeFieldName(field.getKey());
      if (field.getValue() instanceof Double ratio) {
        json.writeNumber(ratio);
      } else {
        json.writeNumber(field.getValue().longValue());
      }
    }
    json.writeEndObject();
  }

  private static void writeWorker(JsonGenerator json, WorkerStats w) throws IOException {
    json.writeStartObject();
    json.writeNumberField("id", w.id());
    json.writeNumberField("entries", w.entries());
    json.writeNumberField("downloaded", w.downloaded());
    json.writeNumberField("checked", w.checked());
    json.writeNumberField("skipped", w.skipped());
    json.writeNumberField("failed", w.failed());
    json.writeNumberField("bytes", w.bytes());
    json.writeNumberField("seconds", seconds(w.seconds()));
    json.writeEndObject();
  }

  // Field names encoded once: a million results write each of them a million times.
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString LINE = new SerializedString("line");
  private static final SerializedString URL = new SerializedString("url");

  private static void writeResult(JsonGenerator json, Entry entry, Result r) throws IOException {
    json.writeStartObject();
    json.writeFieldName(SOURCE);
    json.writeString(entry.source());
    json.writeFieldName(LINE);
    json.writeNumber(entry.line());
    json.writeFieldName(URL);
    json.writeString(Credentials.redact(entry.url()));
    ResultJson.writeFields(json, r, ResultJson.Form.REPORT);
    json.writeEndObject();
  }

  private static BigDecimal seconds(double seconds) {
    return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP);
  }
}
