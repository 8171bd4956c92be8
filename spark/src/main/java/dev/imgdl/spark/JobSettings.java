package dev.imgdl.spark;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.Required;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.input.HashColumn;
import dev.imgdl.core.image.transform.TransformSettings;
import dev.imgdl.core.source.InputFormat;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Spark run needs, parsed and checked once on the driver, and shipped to the
 * executors with the tasks (hence serializable, and plain values only). The download settings
 * are the core's {@link FetchSettings}, rebuilt on each executor for each task's local folder.
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
 * @param headers extra request headers ({@code -H}), each {@code Name: value}
 * @param anyType accept bodies that are not images
 * @param network proxies and trust as the options give them ({@code --cacert}: the driver's path)
 * @param caCertPem the text of the {@code --cacert} file, read on the driver (executors may not
 *     see its path), or null
 * @param transform the filters and resize of the shared options ({@code --resize}, ...), or
 *     null: bodies kept as downloaded
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
    long timeoutMillis,
    long deadlineMillis,
    long maxSize,
    int retries,
    int perHost,
    double rate,
    String userAgent,
    List<String> disallowedDirectives,
    List<String> headers,
    boolean anyType,
    Network network,
    String caCertPem,
    TransformSettings transform,
    int failOnce) implements Serializable {

  public JobSettings {
    Objects.requireNonNull(format, "format");
    saveCols = List.copyOf(saveCols);
    disallowedDirectives = List.copyOf(disallowedDirectives);
    headers = List.copyOf(headers);
    Objects.requireNonNull(network, "network");
  }

  /** A builder: INPUT, OUTPUT, the format, URL column, workers and download values required. */
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
        .timeoutMillis(timeoutMillis)
        .deadlineMillis(deadlineMillis)
        .maxSize(maxSize)
        .retries(retries)
        .userAgent(userAgent)
        .disallowedDirectives(disallowedDirectives)
        .headers(headers)
        .anyType(anyType)
        .network(network)
        .md5(hash != null && hash.algorithm() == ExpectedHash.Algorithm.MD5)
        .transform(transform)
        .build();
  }

  /** What shapes an executor's shared HTTP client and host gate. */
  ClientKey clientKey() {
    return new ClientKey(timeoutMillis, deadlineMillis, workers, perHost, rate, network,
        caCertPem);
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
   * limit, the default opt-outs, no extra header, bodies that must be images, no proxy and the
   * JDK's trust, bodies as downloaded, no test failure.
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
    private Long timeoutMillis;
    private Long deadlineMillis;
    private Long maxSize;
    private Integer retries;
    private int perHost;
    private double rate;
    private String userAgent;
    private List<String> disallowedDirectives = FetchSettings.DEFAULT_DISALLOWED;
    private List<String> headers = List.of();
    private boolean anyType;
    private Network network = Network.DEFAULT;
    private String caCertPem;
    private TransformSettings transform;
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
      timeoutMillis = s.timeoutMillis;
      deadlineMillis = s.deadlineMillis;
      maxSize = s.maxSize;
      retries = s.retries;
      perHost = s.perHost;
      rate = s.rate;
      userAgent = s.userAgent;
      disallowedDirectives = s.disallowedDirectives;
      headers = s.headers;
      anyType = s.anyType;
      network = s.network;
      caCertPem = s.caCertPem;
      transform = s.transform;
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

    public Builder timeoutMillis(long timeoutMillis) {
      this.timeoutMillis = timeoutMillis;
      return this;
    }

    public Builder deadlineMillis(long deadlineMillis) {
      this.deadlineMillis = deadlineMillis;
      return this;
    }

    public Builder maxSize(long maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
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

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder disallowedDirectives(List<String> disallowedDirectives) {
      this.disallowedDirectives = disallowedDirectives;
      return this;
    }

    public Builder headers(List<String> headers) {
      this.headers = headers;
      return this;
    }

    public Builder anyType(boolean anyType) {
      this.anyType = anyType;
      return this;
    }

    /** The network settings, and the text of their {@code --cacert} file or null. */
    public Builder network(Network network, String caCertPem) {
      this.network = network;
      this.caCertPem = caCertPem;
      return this;
    }

    public Builder transform(TransformSettings transform) {
      this.transform = transform;
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
          Required.value(workers, "JobSettings.workers"), partitions,
          Required.value(timeoutMillis, "JobSettings.timeoutMillis"),
          Required.value(deadlineMillis, "JobSettings.deadlineMillis"),
          Required.value(maxSize, "JobSettings.maxSize"),
          Required.value(retries, "JobSettings.retries"), perHost, rate,
          Required.value(userAgent, "JobSettings.userAgent"), disallowedDirectives, headers,
          anyType, network, caCertPem, transform, failOnce);
    }
  }
}
