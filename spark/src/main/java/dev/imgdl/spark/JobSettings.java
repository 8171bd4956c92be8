package dev.imgdl.spark;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.Required;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.input.HashColumn;
import dev.imgdl.core.source.InputFormat;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Spark run needs, parsed and checked once on the driver, and shipped to the
 * executors with the tasks (hence serializable, and plain values only). The request values are
 * the core's {@link RequestSettings}, made the core's {@link FetchSettings} on each executor for
 * each task's local folder.
 * Built by name with {@link #builder()}.
 *
 * @param input INPUT, any Hadoop file system URL or path (a file, a folder, a glob)
 * @param output OUTPUT, a Hadoop file system URL or path
 * @param format how INPUT is read
 * @param urlCol the URL column of a table
 * @param captionCol the caption column, or null
 * @param saveCols columns carried through to the results
 * @param hash the column of each row's expected hash ({@code --verify-hash}), or null
 * @param workers download threads per task
 * @param partitions tasks (and shards) the downloads are spread over; 0 until the driver's
 *     session gives its default parallelism
 * @param perHost most requests in flight per host, for the whole job ({@link HostPlan}); 0 for
 *     no limit
 * @param rate most requests started per second per host, for the whole job; 0 for no limit
 * @param request what every request asks and accepts, as the shared options give it; its
 *     network is the options' ({@code --cacert}: the driver's path)
 * @param caCertPem the text of the {@code --cacert} file, read on the driver (executors may not
 *     see its path), or null
 * @param failOnce test hook: the partition whose first attempt fails after its shard upload,
 *     or -1
 */
record JobSettings(
    String input,
    String output,
    InputFormat format,
    String urlCol,
    String captionCol,
    List<String> saveCols,
    HashColumn hash,
    int workers,
    int partitions,
    int perHost,
    double rate,
    RequestSettings request,
    String caCertPem,
    int failOnce) implements Serializable {

  public JobSettings {
    Objects.requireNonNull(format, "format");
    saveCols = List.copyOf(saveCols);
    Objects.requireNonNull(request, "request");
  }

  /** A builder: INPUT, OUTPUT, the format, URL column, workers and request values required. */
  public static Builder builder() {
    return new Builder();
  }

  /** These settings with {@code n} partitions, at least one. */
  public JobSettings withPartitions(int n) {
    return new Builder(this).partitions(Math.max(1, n)).build();
  }

  /**
   * The core's settings for a task that downloads into {@code dir}, reaching servers through
   * {@code network} (this executor's: its {@code --cacert} file is a copy on its own disk).
   */
  public FetchSettings fetchSettings(String dir, String runId, Network network) {
    return FetchSettings.builder()
        .outputDir(dir)
        .runId(runId)
        .request(request.withNetwork(network))
        .md5(hash != null && hash.algorithm() == ExpectedHash.Algorithm.MD5)
        .build();
  }

  /** What shapes an executor's shared HTTP client and host gate. */
  ClientKey clientKey() {
    return new ClientKey(request.timeoutMillis(), request.deadlineMillis(), workers, perHost,
        rate, request.network(), caCertPem);
  }

  /**
   * The values an executor's shared client and gate are built from: its timeouts, its pool (by
   * the workers), the gate's limits, its proxies and trust. The rest of the download settings
   * (size, attempts, user agent, headers, opt-outs) are each task's own {@link #fetchSettings},
   * so they need no new client.
   */
  record ClientKey(long timeoutMillis, long deadlineMillis, int workers, int perHost,
      double rate, Network network, String caCertPem) {}

  /**
   * Builds {@link JobSettings} by name. Unless told otherwise: no caption, no saved columns, no
   * hash to verify, partitions left to Spark's default parallelism, no per-host cap and no rate
   * limit, no {@code --cacert} text, no test failure.
   */
  public static final class Builder {
    private String input;
    private String output;
    private InputFormat format;
    private String urlCol;
    private String captionCol;
    private List<String> saveCols = List.of();
    private HashColumn hash;
    private Integer workers;
    private int partitions;
    private int perHost;
    private double rate;
    private RequestSettings request;
    private String caCertPem;
    private int failOnce = -1;

    private Builder() {}

    private Builder(JobSettings s) {
      input = s.input;
      output = s.output;
      format = s.format;
      urlCol = s.urlCol;
      captionCol = s.captionCol;
      saveCols = s.saveCols;
      hash = s.hash;
      workers = s.workers;
      partitions = s.partitions;
      perHost = s.perHost;
      rate = s.rate;
      request = s.request;
      caCertPem = s.caCertPem;
      failOnce = s.failOnce;
    }

    public Builder input(String input) {
      this.input = input;
      return this;
    }

    public Builder output(String output) {
      this.output = output;
      return this;
    }

    public Builder format(InputFormat format) {
      this.format = format;
      return this;
    }

    public Builder urlCol(String urlCol) {
      this.urlCol = urlCol;
      return this;
    }

    public Builder captionCol(String captionCol) {
      this.captionCol = captionCol;
      return this;
    }

    public Builder saveCols(List<String> saveCols) {
      this.saveCols = saveCols;
      return this;
    }

    public Builder hash(HashColumn hash) {
      this.hash = hash;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }





    public Builder perHost(int perHost) {
      this.perHost = perHost;
      return this;
    }

    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }





    /** The request values, and the text of their network's {@code --cacert} file or null. */
    public Builder request(RequestSettings request, String caCertPem) {
      this.request = request;
      this.caCertPem = caCertPem;
      return this;
    }


    public Builder failOnce(int failOnce) {
      this.failOnce = failOnce;
      return this;
    }

    public JobSettings build() {
      return new JobSettings(Required.value(input, "JobSettings.input"),
          Required.value(output, "JobSettings.output"),
          Required.value(format, "JobSettings.format"),
          Required.value(urlCol, "JobSettings.urlCol"), captionCol, saveCols, hash,
          Required.value(workers, "JobSettings.workers"), partitions, perHost, rate,
          Required.value(request, "JobSettings.request"), caCertPem, failOnce);
    }
  }
}
