package dev.imgdl.spark;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.input.InputFormat;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a Spark run needs, parsed and checked once on the driver, and shipped to the
 * executors with the tasks (hence serializable, and plain values only). The download settings
 * are the core's {@link FetchSettings}, rebuilt on each executor for each task's local folder.
 *
 * @param input INPUT, any Hadoop file system URL or path (a file, a folder, a glob)
 * @param output OUTPUT, a Hadoop file system URL or path
 * @param format how INPUT is read
 * @param urlCol the URL column of a table
 * @param captionCol the caption column, or null
 * @param saveCols columns carried through to the results
 * @param workers download threads per task
 * @param partitions tasks (and shards) the downloads are spread over
 * @param perHost most requests in flight per host, per executor JVM; 0 for no limit
 * @param rate most requests started per second per host, per executor JVM; 0 for no limit
 * @param failOnce test hook: the partition whose first attempt fails after its shard upload,
 *     or -1
 */
public record JobSettings(
    String input,
    String output,
    InputFormat format,
    String urlCol,
    String captionCol,
    List<String> saveCols,
    int workers,
    int partitions,
    long timeoutMillis,
    long deadlineMillis,
    long maxSize,
    int retries,
    int perHost,
    double rate,
    String userAgent,
    List<String> disallowedDirectives,
    int failOnce) implements Serializable {

  public JobSettings {
    saveCols = List.copyOf(saveCols);
    disallowedDirectives = List.copyOf(disallowedDirectives);
  }

  /** The core's settings for a task that downloads into {@code dir}. */
  public FetchSettings fetchSettings(String dir, String runId) {
    return new FetchSettings(dir, runId, timeoutMillis, deadlineMillis, maxSize, retries,
        userAgent, List.of(), false, null, disallowedDirectives);
  }

  /** What shapes an executor's shared HTTP client and host gate. */
  ClientKey clientKey() {
    return new ClientKey(timeoutMillis, deadlineMillis, maxSize, retries, userAgent, workers,
        perHost, rate);
  }

  record ClientKey(long timeoutMillis, long deadlineMillis, long maxSize, int retries,
      String userAgent, int workers, int perHost, double rate) {}
}
