package dev.imgdl.core.result;

import static dev.imgdl.core.result.ResultField.Output.CARRIED;
import static dev.imgdl.core.result.ResultField.Output.METADATA;
import static dev.imgdl.core.result.ResultField.Output.PIPE;
import static dev.imgdl.core.result.ResultField.Output.REPORT;
import static dev.imgdl.core.result.ResultField.Output.SPARK;
import static dev.imgdl.core.result.ResultField.Type.BOOLEAN;
import static dev.imgdl.core.result.ResultField.Type.INT;
import static dev.imgdl.core.result.ResultField.Type.LONG;
import static dev.imgdl.core.result.ResultField.Type.NULLABLE_INT;
import static dev.imgdl.core.result.ResultField.Type.STRING;

import dev.imgdl.core.text.Credentials;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The fields of a {@link Result} as every output names and types them, defined once: the report
 * and the pipe from a child JVM, the shard metadata (JSON lines, Parquet, each member's {@code
 * KEY.json}) and the Spark job's results all iterate over this list, in this order (the
 * report's). A new per-entry field is a constant here and a component of {@code Result}. The
 * entry's own columns ({@code url}, {@code caption}, ...) and an output's own ({@code key},
 * Spark's {@code shard}) are not here.
 */
public enum ResultField {
  STATUS("status", STRING, r -> r.status().label(), (b, v) -> b.status(Status.of((String) v)),
      REPORT, PIPE, METADATA, SPARK),
  FILE("file", STRING, Result::file, (b, v) -> b.file((String) v), REPORT, PIPE),
  BYTES("bytes", LONG, Result::bytes, (b, v) -> b.bytes((Long) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED),
  SHA256("sha256", STRING, Result::sha256, (b, v) -> b.sha256((String) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED),
  CONTENT_TYPE("contentType", STRING, Result::contentType, (b, v) -> b.contentType((String) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED),
  HTTP_STATUS("httpStatus", NULLABLE_INT, Result::httpStatus,
      (b, v) -> b.httpStatus((Integer) v), REPORT, PIPE),
  /** Shown with the credentials of the URL hidden, as the entry's {@code url} is. */
  FINAL_URL("finalUrl", STRING, Result::finalUrl, (b, v) -> b.finalUrl((String) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED) {
    @Override
    String shown(String exact) {
      return Credentials.redact(exact);
    }
  },
  ATTEMPTS("attempts", INT, Result::attempts, (b, v) -> b.attempts((Integer) v), REPORT, PIPE),
  WORKER("worker", NULLABLE_INT, Result::worker, (b, v) -> b.worker((Integer) v), REPORT, PIPE),
  MILLIS("millis", LONG, Result::millis, (b, v) -> b.millis((Long) v), REPORT, PIPE, SPARK),
  /** Shown with the credentials of any URL in it hidden; the pipe carries it exact. */
  ERROR("error", STRING, Result::error, (b, v) -> b.error((String) v),
      REPORT, PIPE, METADATA, SPARK) {
    @Override
    String shown(String exact) {
      return Credentials.redactWords(exact);
    }
  },
  WIDTH("width", NULLABLE_INT, Result::width, (b, v) -> b.width((Integer) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED),
  HEIGHT("height", NULLABLE_INT, Result::height, (b, v) -> b.height((Integer) v),
      REPORT, PIPE, METADATA, SPARK, CARRIED),
  /** With {@code --resize}: the downloaded image's size as displayed; null otherwise. */
  ORIGINAL_WIDTH("originalWidth", NULLABLE_INT, Result::originalWidth,
      (b, v) -> b.originalWidth((Integer) v), REPORT, PIPE, METADATA, SPARK, CARRIED),
  ORIGINAL_HEIGHT("originalHeight", NULLABLE_INT, Result::originalHeight,
      (b, v) -> b.originalHeight((Integer) v), REPORT, PIPE, METADATA, SPARK, CARRIED),
  /** With {@code --resize}: the downloaded body's SHA-256; null otherwise. */
  ORIGINAL_SHA256("originalSha256", STRING, Result::originalSha256,
      (b, v) -> b.originalSha256((String) v), REPORT, PIPE, METADATA, SPARK, CARRIED),
  RESUMED("resumed", BOOLEAN, Result::resumed, (b, v) -> b.resumed((Boolean) v), REPORT, PIPE);

  /** What a field's values are; only a string or a nullable int may be null. */
  public enum Type {
    STRING,
    NULLABLE_INT,
    INT,
    LONG,
    BOOLEAN
  }

  /** Where a field appears. */
  public enum Output {
    /** The JSON report, each result after its entry's {@code source}, {@code line}, {@code url}. */
    REPORT,
    /** A child JVM's result line to its parent: every field, exact (credentials included). */
    PIPE,
    /** A webdataset shard's metadata row (and so each member's {@code KEY.json}). */
    METADATA,
    /** The Spark job's result rows. */
    SPARK,
    /**
     * Kept from the earlier results when the Spark job carries a downloaded row over to a
     * re-run: what describes the image in its shard. The other fields get a skipped result's.
     */
    CARRIED
  }

  private final String label;
  private final Type type;
  private final Function<Result, Object> get;
  private final BiConsumer<Result.Builder, Object> set;
  private final Set<Output> outputs;

  ResultField(String label, Type type, Function<Result, Object> get,
      BiConsumer<Result.Builder, Object> set, Output... outputs) {
    this.label = label;
    this.type = type;
    this.get = get;
    this.set = set;
    this.outputs = Set.of(outputs);
  }

  /** The fields that appear in {@code output}, in order. */
  public static List<ResultField> in(Output output) {
    return Arrays.stream(values()).filter(f -> f.outputs.contains(output)).toList();
  }

  /** The field named {@code label} in the outputs, or null. */
  public static ResultField labelled(String label) {
    for (ResultField field : values()) {
      if (field.label.equals(label)) {
        return field;
      }
    }
    return null;
  }

  /** The name every output gives the field: the report's. */
  public String label() {
    return label;
  }

  public Type type() {
    return type;
  }

  /**
   * The field's value in {@code output}: a String, Integer, Long or Boolean, or null. Every
   * output but the pipe shows it as {@link #shown} says, credentials hidden.
   */
  public Object value(Result result, Output output) {
    Object value = exact(result);
    return output == PIPE || !(value instanceof String text) ? value : shown(text);
  }

  /** The field's value as the result holds it, for the pipe or a copy. */
  public Object exact(Result result) {
    return get.apply(result);
  }

  /** Sets the field on {@code builder} from a value as {@link #exact} gives it. */
  public void set(Result.Builder builder, Object value) {
    set.accept(builder, value);
  }

  /** The text as it may be shown (in a file, not only the pipe); most fields show it exactly. */
  String shown(String exact) {
    return exact;
  }
}
