package dev.imgdl.cli.report;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.config.Required;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.result.WorkerStats;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about a finished (or interrupted) run, for the report and the summary: values
 * built once the run is over, by name with {@link #builder()}.
 *
 * @param results one result per entry, in input order, none missing
 * @param workerStats one per worker, by id
 * @param inputComplete whether the input was read to the end (false: an interrupt stopped it)
 * @param check whether it was a {@code --check} run, whose successes are {@code checked}
 */
public record RunRecord(
    Mode mode,
    int workers,
    Instant startedAt,
    double seconds,
    List<Entry> entries,
    List<Result> results,
    List<WorkerStats> workerStats,
    Summary summary,
    long parentPeakRssBytes,
    boolean inputComplete,
    boolean check) {

  public RunRecord {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(startedAt, "startedAt");
    results = List.copyOf(results);
    workerStats = List.copyOf(workerStats);
    Objects.requireNonNull(summary, "summary");
  }

  /** A builder: the mode, workers, start, length, entries, results and summary are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this record's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .mode(mode).workers(workers).startedAt(startedAt).seconds(seconds).entries(entries)
        .results(results).workerStats(workerStats).summary(summary)
        .parentPeakRssBytes(parentPeakRssBytes).inputComplete(inputComplete).check(check);
  }

  /**
   * Builds a {@link RunRecord} by name. Unless told otherwise: no worker statistics, the
   * parent's peak memory not measured (0), the input read to its end, and not a check.
   */
  public static final class Builder {
    private Mode mode;
    private Integer workers;
    private Instant startedAt;
    private Double seconds;
    private List<Entry> entries;
    private List<Result> results;
    private List<WorkerStats> workerStats = List.of();
    private Summary summary;
    private long parentPeakRssBytes;
    private boolean inputComplete = true;
    private boolean check;

    private Builder() {}

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder seconds(double seconds) {
      this.seconds = seconds;
      return this;
    }

    public Builder entries(List<Entry> entries) {
      this.entries = entries;
      return this;
    }

    public Builder results(List<Result> results) {
      this.results = results;
      return this;
    }

    public Builder workerStats(List<WorkerStats> workerStats) {
      this.workerStats = workerStats;
      return this;
    }

    public Builder summary(Summary summary) {
      this.summary = summary;
      return this;
    }

    public Builder parentPeakRssBytes(long parentPeakRssBytes) {
      this.parentPeakRssBytes = parentPeakRssBytes;
      return this;
    }

    public Builder inputComplete(boolean inputComplete) {
      this.inputComplete = inputComplete;
      return this;
    }

    public Builder check(boolean check) {
      this.check = check;
      return this;
    }

    public RunRecord build() {
      return new RunRecord(Required.value(mode, "RunRecord.mode"),
          Required.value(workers, "RunRecord.workers"),
          Required.value(startedAt, "RunRecord.startedAt"),
          Required.value(seconds, "RunRecord.seconds"),
          Required.value(entries, "RunRecord.entries"),
          Required.value(results, "RunRecord.results"), workerStats,
          Required.value(summary, "RunRecord.summary"), parentPeakRssBytes, inputComplete,
          check);
    }
  }
}
