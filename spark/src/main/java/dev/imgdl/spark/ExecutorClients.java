package dev.imgdl.spark;

import dev.imgdl.core.config.Network;
import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.download.HttpClients;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  private static Network network;
  private static int built;

  private ExecutorClients() {}

  /**
   * A download core for one task, writing into {@code dir}, on the executor's shared client;
   * with a host plan ({@code hosts} not null), behind the task's own {@link TaskHostGate}.
   */
  static synchronized Fetcher fetcher(JobSettings settings, Path dir, String runId,
      TempFiles temps, HostPlan hosts) throws IOException {
    ImagePlugins.register();
    JobSettings.ClientKey wanted = settings.clientKey();
    if (!wanted.equals(key)) {
      // Tasks of the old settings may still run on the old client: it is left to the GC.
      gate = LocalHostGate.of(settings.perHost(), settings.rate());
      network = network(settings);
      clients = HttpClients.create(settings.fetchSettings(dir.toString(), runId, network),
          settings.workers() * Math.max(1, Runtime.getRuntime().availableProcessors()),
          gate != HostGate.OPEN);
      key = wanted;
      built++;
    }
    HostGate taskGate = hosts == null ? gate : new TaskHostGate(hosts, gate);
    return Fetcher.create(settings.fetchSettings(dir.toString(), runId, network), clients,
        taskGate, temps);
  }

  /**
   * The job's network settings on this executor: the {@code --cacert} file, read on the driver,
   * written once to this JVM's own temporary file, since the driver's path may not exist here.
   */
  private static Network network(JobSettings settings) throws IOException {
    Network n = settings.request().network();
    if (settings.caCertPem() == null) {
      return n;
    }
    Path pem = Files.createTempFile("imgdl-cacert-", ".pem");
    pem.toFile().deleteOnExit();
    Files.writeString(pem, settings.caCertPem(), StandardCharsets.US_ASCII);
    return new Network(n.httpProxy(), n.httpsProxy(), n.allProxy(), n.noProxy(), pem.toString(),
        n.insecure(), n.ipVersion());
  }

  /** How many clients this JVM has built; for tests. */
  static synchronized int built() {
    return built;
  }
}
