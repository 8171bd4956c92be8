package dev.imgdl.spark;

import org.apache.hadoop.fs.Path;

/**
 * Where OUTPUT may be: storage the driver and every executor see, since executors upload the
 * tars and the driver renames the results, writes the summary and deletes unreferenced shards.
 * A local path (no scheme, or {@code file:}) is that storage only when every task runs on the
 * driver's machine (master {@code local} or {@code local[...]}) or when the user says every
 * machine mounts it ({@code --shared-local-path}); otherwise the run would scatter tars over the
 * executors' disks and find none of them at the end.
 */
final class OutputStorage {
  private OutputStorage() {}

  /**
   * Refuses, as a {@link UsageException}, a local OUTPUT on a master that runs executors
   * elsewhere; {@code master} null (not known yet) or local accepts any OUTPUT.
   */
  static void check(String output, String master, boolean sharedLocalPath) {
    if (sharedLocalPath || master == null || isLocal(master) || !isLocalPath(output)) {
      return;
    }
    throw new UsageException("OUTPUT " + output + " is a local path, but the master " + master
        + " runs executors on other machines: give storage that the driver and every executor "
        + "see (hdfs://, s3a://, ...), or --shared-local-path if every machine mounts this path");
  }

  private static boolean isLocal(String master) {
    return master.equals("local") || master.startsWith("local[");
  }

  private static boolean isLocalPath(String output) {
    String scheme = new Path(output).toUri().getScheme();
    return scheme == null || scheme.equals("file");
  }
}
