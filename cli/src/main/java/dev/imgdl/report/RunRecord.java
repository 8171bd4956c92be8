package dev.imgdl.report;

import dev.imgdl.settings.Mode;
import dev.imgdl.input.Entry;
import dev.imgdl.result.Result;
import dev.imgdl.result.Summary;
import dev.imgdl.result.WorkerStats;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about a finished (or interrupted) run, for the report and the summary: values
 * built once the run is over.
 *
 * @param results one result per entry, in input order, none missing
 * @param workerStats one per worker, by id
 * @param inputComplete whether the input was read to the end (false: an interrupt stopped it)
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
    boolean inputComplete) {

  public RunRecord {
    results = List.copyOf(results);
    workerStats = List.copyOf(workerStats);
  }
}
