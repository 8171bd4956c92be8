package dev.imgdl.spark;

import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.download.HttpClients;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import java.nio.file.Path;

/**
 * The one HTTP client and the one host gate of an executor JVM, shared by all the tasks it runs
 * at once, so that its connection pool is reused across tasks and {@code --per-host} and {@code
 * --rate} hold for the executor as a whole (not per task; a cluster of E executors may send E
 * times as much to a host). Built by the first task; a later job with other settings in the same
 * JVM replaces them.
 */
final class ExecutorClients {
  private static JobSettings.ClientKey key;
  private static HttpClients clients;
  private static HostGate gate;
  private static int built;

  private ExecutorClients() {}

  /** A download core for one task, writing into {@code dir}, on the executor's shared client. */
  static synchronized Fetcher fetcher(JobSettings settings, Path dir, String runId,
      TempFiles temps) {
    ImagePlugins.register();
    JobSettings.ClientKey wanted = settings.clientKey();
    if (!wanted.equals(key)) {
      // Tasks of the old settings may still run on the old client: it is left to the GC.
      gate = LocalHostGate.of(settings.perHost(), settings.rate());
      clients = HttpClients.create(settings.fetchSettings(dir.toString(), runId),
          settings.workers() * Math.max(1, Runtime.getRuntime().availableProcessors()),
          gate != HostGate.OPEN);
      key = wanted;
      built++;
    }
    return Fetcher.create(settings.fetchSettings(dir.toString(), runId), clients, gate, temps);
  }

  /** How many clients this JVM has built; for tests. */
  static synchronized int built() {
    return built;
  }
}
