package dev.imgdl.core.result;

/**
 * The tally of one worker at the end of a run: what it did with its chunk and what it cost. Only
 * downloaded (or checked) bytes count, as in the summary: a skipped file cost nothing.
 *
 * @param id the worker, which is the index of its chunk
 * @param results the results of this worker, counted
 * @param seconds wall time from the worker's start to its end, the sum over restarts
 * @param pid process id of the JVM that ran it last (the child's in process mode), 0 if none
 * @param peakRssBytes the highest peak resident memory that JVM reported, 0 when unknown
 */
public record WorkerStats(int id, Summary results, double seconds, long pid, long peakRssBytes) {

  /** Results of this worker, whatever their status. */
  public int entries() {
    return results.entries();
  }

  public int downloaded() {
    return results.downloaded();
  }

  public int checked() {
    return results.checked();
  }

  public int skipped() {
    return results.skipped();
  }

  /** Results of this worker that are neither downloaded, checked nor skipped. */
  public int failed() {
    return entries() - results.succeeded();
  }

  /** Bytes this worker downloaded or checked. */
  public long bytes() {
    return results.bytes();
  }
}
