package dev.imgdl.core.result;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results counted: how many ended in each status, and the bytes of the downloads and checks
 * among them (a skipped file cost nothing; a checked body was fetched as a download is). The
 * totals of a run, as in the report's {@code summary} object, and the tally of one worker.
 *
 * @param counts results per status; a status missing from the map counted none
 * @param bytes bytes of the downloaded and checked results
 */
public record Summary(Map<Status, Integer> counts, long bytes) {

  public Summary {
    EnumMap<Status, Integer> all = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      all.put(status, counts.getOrDefault(status, 0));
    }
    counts = Collections.unmodifiableMap(all);
  }

  /** Counts the results of a run, one per entry. */
  public static Summary of(List<Result> results) {
    Counter counter = new Counter();
    results.forEach(counter::add);
    return counter.summary();
  }

  /** The results that ended in {@code status}. */
  public int count(Status status) {
    return counts.get(status);
  }

  /** All results, whatever their status. */
  public int entries() {
    int entries = 0;
    for (int count : counts.values()) {
      entries += count;
    }
    return entries;
  }

  public int downloaded() {
    return count(Status.DOWNLOADED);
  }

  /** Entries of a {@code --check} run that would have been saved. */
  public int checked() {
    return count(Status.CHECKED);
  }

  public int skipped() {
    return count(Status.SKIPPED);
  }

  public int failed() {
    return count(Status.FAILED);
  }

  public int invalid() {
    return count(Status.INVALID);
  }

  public int duplicate() {
    return count(Status.DUPLICATE);
  }

  /** Entries that succeeded: downloaded, checked or skipped. */
  public int succeeded() {
    return downloaded() + checked() + skipped();
  }

  /** (downloaded + checked + skipped) / (entries - duplicates), 1 when nothing was to do. */
  public double successRatio() {
    int considered = entries() - duplicate();
    return considered == 0 ? 1.0 : (double) succeeded() / considered;
  }

  /**
   * The report's {@code summary} object, field by field in its order; the Spark job's
   * summary.json holds the same.
   */
  public Map<String, Number> fields() {
    Map<String, Number> fields = new LinkedHashMap<>();
    fields.put("entries", entries());
    fields.put("downloaded", downloaded());
    fields.put("checked", checked());
    fields.put("skipped", skipped());
    fields.put("failed", failed());
    fields.put("invalid", invalid());
    fields.put("duplicate", duplicate());
    fields.put("bytes", bytes);
    fields.put("successRatio", successRatio());
    return fields;
  }

  /** Counts results as they come; for one thread. */
  public static final class Counter {
    private final EnumMap<Status, Integer> counts = new EnumMap<>(Status.class);
    private long bytes;

    public void add(Result result) {
      counts.merge(result.status(), 1, Integer::sum);
      if (result.status() == Status.DOWNLOADED || result.status() == Status.CHECKED) {
        bytes += result.bytes();
      }
    }

    public Summary summary() {
      return new Summary(counts, bytes);
    }
  }
}
