package dev.imgdl.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.imgdl.core.result.FailureKind;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.core.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shard's {@code NNNNN_stats.json}: what its metadata rows say, counted (statuses, failures by
 * kind and by exact error, bytes), and when it was written. Counted from the rows alone, by this
 * one class in every front end, so the file always agrees with the metadata beside it, and the
 * stats of a shard an older imgdl wrote can be made from its metadata without a request. The
 * field names are img2dataset's where it has one ({@code count}, {@code successes}, {@code
 * failed_to_download}, {@code failed_to_resize}, {@code status_dict}, {@code start_time}, {@code
 * end_time}, {@code duration}), so that its readers find them.
 */
public final class ShardStats {
  /** The layout of the file; a field added later keeps it, a field changed raises it. */
  public static final int VERSION = 1;

  /** The statuses a shard's row can hold, in the report's order; checks write no shard. */
  private static final List<Status> STATUSES = List.of(Status.DOWNLOADED, Status.SKIPPED,
      Status.FAILED, Status.INVALID, Status.DUPLICATE);

  private static final JsonFactory JSON = new JsonFactory();

  private ShardStats() {}

  /**
   * The stats of a shard of {@code rows}: {@code start} is when its first entry began (its first
   * request, or its first entry settled without one) and {@code end} when it was written; both
   * null when unknown (stats made later from the metadata of an older imgdl's shard).
   */
  public static byte[] json(Collection<Map<String, Object>> rows, Instant start, Instant end) {
    Map<Status, Long> statuses = new EnumMap<>(Status.class);
    STATUSES.forEach(s -> statuses.put(s, 0L));
    Map<String, Long> kinds = new TreeMap<>();
    Map<String, Long> errors = new TreeMap<>();
    long bytes = 0;
    for (Map<String, Object> row : rows) {
      Status status = Status.of(String.valueOf(row.get(ResultField.STATUS.label())));
      statuses.merge(status, 1L, Long::sum);
      Object error = row.get(ResultField.ERROR.label());
      if (status == Status.FAILED || status == Status.INVALID) {
        String kind = status == Status.INVALID ? FailureKind.INVALID.label()
            : FailureKind.ofError(error == null ? null : error.toString()).label();
        kinds.merge(kind, 1L, Long::sum);
        errors.merge(String.valueOf(error), 1L, Long::sum);
      }
      if (status == Status.DOWNLOADED && row.get(ResultField.BYTES.label()) instanceof Number n) {
        bytes += n.longValue();
      }
    }
    long successes = statuses.get(Status.DOWNLOADED);
    Map<String, Long> statusDict = new TreeMap<>(errors);
    if (successes > 0) {
      statusDict.put("success", successes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeNumberField("version", VERSION);
      g.writeNumberField("count", rows.size());
      g.writeNumberField("successes", successes);
      long shaping = kinds.getOrDefault(FailureKind.FILTERED.label(), 0L)
          + kinds.getOrDefault(FailureKind.RESIZE.label(), 0L);
      g.writeNumberField("failed_to_download", statuses.get(Status.FAILED) - shaping);
      g.writeNumberField("failed_to_resize", shaping);
      g.writeObjectFieldStart("statuses");
      for (Status s : STATUSES) {
        g.writeNumberField(s.label(), statuses.get(s));
      }
      g.writeEndObject();
      counts(g, "failure_kinds", kinds);
      counts(g, "status_dict", statusDict);
      g.writeNumberField("bytes", bytes);
      g.writeStringField("start_time", time(start));
      g.writeStringField("end_time", time(end));
      if (start == null || end == null) {
        g.writeNullField("duration");
      } else {
        // Seconds to the millisecond, never in exponent notation.
        g.writeNumberField("duration",
            BigDecimal.valueOf(Duration.between(start, end).toMillis(), 3));
      }
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** An instant in UTC to the millisecond, as the report's {@code startedAt}; null for null. */
  private static String time(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      g.writeNumberField(c.getKey(), c.getValue());
    }
    g.writeEndObject();
  }
}
