package dev.imgdl.core.config;

import dev.imgdl.core.image.transform.TransformSettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the download core needs to fetch one entry. It is a plain value so that it can
 * cross the pipe to a child JVM as JSON and give the child exactly the parent's behaviour.
 *
 * @param outputDir absolute path of the output directory
 * @param runId short id of this run, part of every temporary file name
 * @param timeoutMillis connect timeout and longest silence while reading
 * @param deadlineMillis wall-clock cap for one entry, all attempts and waits included
 * @param maxSize largest body accepted, in bytes
 * @param retries extra attempts after the first, for retryable failures only
 * @param userAgent the User-Agent header
 * @param headers extra request headers, each {@code Name: value}
 * @param anyType accept bodies that are not images
 * @param network proxies and certificate trust
 * @param disallowedDirectives {@code X-Robots-Tag} directives that opt a response out (lower
 *     case); empty turns the check off
 * @param check {@code --check}: fetch and validate every body as a download, and write nothing
 *     (no temporary file, no output directory)
 * @param md5 compute each body's MD5 besides its SHA-256, for {@code --verify-hash COL:md5}
 * @param transform what is done to each validated body before it is saved (the filters alone
 *     in a check), or null: bodies saved as downloaded, nothing read of them again
 * @param identity the netrc file and the cookies of the requests
 * @param limitRate {@code --limit-rate}: most body bytes per second for the whole run, 0 for no
 *     limit
 */
public record FetchSettings(
    String outputDir,
    String runId,
    long timeoutMillis,
    long deadlineMillis,
    long maxSize,
    int retries,
    String userAgent,
    List<String> headers,
    boolean anyType,
    Network network,
    List<String> disallowedDirectives,
    boolean check,
    boolean md5,
    TransformSettings transform,
    Identity identity,
    long limitRate) {

  /** The opt-outs respected unless told otherwise, as img2dataset respects them. */
  public static final List<String> DEFAULT_DISALLOWED =
      List.of("noai", "noimageai", "noindex", "noimageindex");

  public FetchSettings {
    headers = List.copyOf(headers);
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(identity, "identity");
    disallowedDirectives =
        disallowedDirectives.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** A builder: where to, the run id, the times, size, attempts and user agent are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link FetchSettings} by name. No headers, bodies that must be images, no proxy of
   * imgdl's own with the JDK's trust, the default opt-outs, bodies saved unless told otherwise,
   * as downloaded, and no netrc file or cookies.
   */
  public static final class Builder {
    private String outputDir;
    private String runId;
    private Long timeoutMillis;
    private Long deadlineMillis;
    private Long maxSize;
    private Integer retries;
    private String userAgent;
    private List<String> headers = List.of();
    private boolean anyType;
    private Network network = Network.DEFAULT;
    private List<String> disallowedDirectives = DEFAULT_DISALLOWED;
    private boolean check;
    private boolean md5;
    private TransformSettings transform;
    private Identity identity = Identity.NONE;
    private long limitRate;

    private Builder() {}

    public Builder outputDir(String outputDir) {
      this.outputDir = outputDir;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = runId;
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

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
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

    public Builder network(Network network) {
      this.network = network;
      return this;
    }

    public Builder disallowedDirectives(List<String> disallowedDirectives) {
      this.disallowedDirectives = disallowedDirectives;
      return this;
    }

    public Builder check(boolean check) {
      this.check = check;
      return this;
    }

    public Builder md5(boolean md5) {
      this.md5 = md5;
      return this;
    }

    public Builder transform(TransformSettings transform) {
      this.transform = transform;
      return this;
    }

    public Builder identity(Identity identity) {
      this.identity = identity;
      return this;
    }

    public Builder limitRate(long limitRate) {
      this.limitRate = limitRate;
      return this;
    }

    public FetchSettings build() {
      return new FetchSettings(
          Required.value(outputDir, "FetchSettings.outputDir"),
          Required.value(runId, "FetchSettings.runId"),
          Required.value(timeoutMillis, "FetchSettings.timeoutMillis"),
          Required.value(deadlineMillis, "FetchSettings.deadlineMillis"),
          Required.value(maxSize, "FetchSettings.maxSize"),
          Required.value(retries, "FetchSettings.retries"),
          Required.value(userAgent, "FetchSettings.userAgent"),
          headers, anyType, network, disallowedDirectives, check, md5, transform, identity,
          limitRate);
    }
  }
}
