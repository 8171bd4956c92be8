package dev.imgdl.result;

import java.util.List;

/**
 * The totals of a run, as in the report's {@code summary} object.
 *
 * @param successRatio (downloaded + skipped) / (entries - duplicates), 1 when nothing to do
 */
public record Summary(
    int entries,
    int downloaded,
    int skipped,
    int failed,
    int invalid,
    int duplicate,
    long bytes,
    double successRatio) {

  /** Counts the results of a run, one per entry. */
  public static Summary of(List<Result> results) {
    int downloaded = 0;
    int skipped = 0;
    int failed = 0;
    int invalid = 0;
    int duplicate = 0;
    long bytes = 0;
    for (Result r : results) {
      switch (r.status()) {
        case DOWNLOADED -> {
          downloaded++;
          bytes += r.bytes();
        }
        case SKIPPED -> skipped++;
        case FAILED -> failed++;
        case INVALID -> invalid++;
        case DUPLICATE -> duplicate++;
      }
    }
    return counted(results.size(), downloaded, skipped, failed, invalid, duplicate, bytes);
  }

  /** The totals from counts made elsewhere (a Spark aggregation), with their success ratio. */
  public static Summary counted(int entries, int downloaded, int skipped, int failed,
      int invalid, int duplicate, long bytes) {
    int considered = entries - duplicate;
    double ratio = considered == 0 ? 1.0 : (double) (downloaded + skipped) / considered;
    return new Summary(entries, downloaded, skipped, failed, invalid, duplicate, bytes, ratio);
  }
}
