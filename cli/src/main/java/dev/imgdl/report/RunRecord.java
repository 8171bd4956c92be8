package dev.imgdl.report;

import dev.imgdl.settings.Mode;
import dev.imgdl.input.Entry;
import dev.imgdl.result.Result;
import dev.imgdl.result.Summary;
import dev.imgdl.result.WorkerStats;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about a finished (or interrupted) run, for the report and the summary.
 *
 * @param results one result per entry, in input order
 * @param inputComplete whether the input was read to the end (false: an interrupt stopped it)
 */
public record RunRecord(
    Mode mode,
    int workers,
    Instant startedAt,
    double seconds,
    List<Entry> entries,
    Result[] results,
    WorkerStats[] workerStats,
    Summary summary,
    long parentPeakRssBytes,
    boolean inputComplete) {}
