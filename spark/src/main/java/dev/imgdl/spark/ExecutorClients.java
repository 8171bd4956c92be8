package dev.imgdl.spark;

import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.download.HttpClients;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import java.nio.file.Path;

/**
 * The one HTTP client and the one host gate of an executor JVM, shared by all the tasks it runs
 * at once, so that its connection pool is reused across tasks. With {@code --per-host} or {@code
 * --rate} each task gates the hosts of its rows with its share of the limits ({@link HostPlan});
 * the executor's gate holds the full limits for hosts outside the plan (redirect targets). Built
 * by the first task; a later job with other settings in the same JVM replaces them.
 */
final class ExecutorClients {
  private static JobSettings.ClientKey key;
  private static HttpClients clients;
  private static HostGate gate;
  private static int built;

  private ExecutorClients() {}

  /**
   * A download core for one task, writing into {@code dir}, on the executor's shared client;
   * with a host plan ({@code hosts} not null), behind the task's own {@link TaskHostGate}.
   */
  static synchronized Fetcher fetcher(JobSettings settings, Path dir, String runId,
      TempFiles temps, HostPlan hosts) {
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
    HostGate taskGate = hosts == null ? gate : new TaskHostGate(hosts, gate);
    return Fetcher.create(settings.fetchSettings(dir.toString(), runId), clients, taskGate,
        temps);
  }

  /** How many clients this JVM has built; for tests. */
  static synchronized int built() {
    return built;
  }
}
