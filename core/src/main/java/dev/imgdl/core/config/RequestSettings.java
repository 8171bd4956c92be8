package dev.imgdl.core.config;

import dev.imgdl.core.image.transform.TransformSettings;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What every download asks and accepts, as the options both front ends share give it: the one
 * home of these values, held by {@link FetchSettings} (the CLI, a child JVM) and by the Spark
 * job's settings. Serializable: the Spark job ships it to its executors.
 *
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
 * @param transform what is done to each validated body before it is saved (the filters alone
 *     in a check), or null: bodies saved as downloaded, nothing read of them again
 */
public record RequestSettings(
    long timeoutMillis,
    long deadlineMillis,
    long maxSize,
    int retries,
    String userAgent,
    List<String> headers,
    boolean anyType,
    Network network,
    List<String> disallowedDirectives,
    TransformSettings transform) implements Serializable {

  /** The opt-outs respected unless told otherwise, as img2dataset respects them. */
  public static final List<String> DEFAULT_DISALLOWED =
      List.of("noai", "noimageai", "noindex", "noimageindex");

  public RequestSettings {
    headers = List.copyOf(headers);
    Objects.requireNonNull(network, "network");
    disallowedDirectives =
        disallowedDirectives.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** A builder: the times, size, attempts and user agent are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with the values of the shared options, each checked in this order (an {@link
   * IllegalArgumentException} naming the option); the front end adds the network and opt-outs
   * it read, since where they come from differs.
   */
  public static Builder builder(FetchOptions fetch, RequestOptions request,
      TransformOptions transform, String version) {
    return builder()
        .timeoutMillis(fetch.timeoutMillis())
        .deadlineMillis(fetch.deadlineMillis())
        .maxSize(fetch.maxSize())
        .retries(fetch.retries())
        .userAgent(fetch.userAgent(version))
        .headers(request.headers())
        .anyType(request.anyType())
        .transform(transform.settings());
  }

  /** These values reaching servers through {@code other}. */
  public RequestSettings withNetwork(Network other) {
    return new RequestSettings(timeoutMillis, deadlineMillis, maxSize, retries, userAgent,
        headers, anyType, other, disallowedDirectives, transform);
  }

  /**
   * Builds {@link RequestSettings} by name. No headers, bodies that must be images, no proxy of
   * imgdl's own with the JDK's trust, the default opt-outs, bodies saved as downloaded.
   */
  public static final class Builder {
    private Long timeoutMillis;
    private Long deadlineMillis;
    private Long maxSize;
    private Integer retries;
    private String userAgent;
    private List<String> headers = List.of();
    private boolean anyType;
    private Network network = Network.DEFAULT;
    private List<String> disallowedDirectives = DEFAULT_DISALLOWED;
    private TransformSettings transform;

    private Builder() {}

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

    public Builder transform(TransformSettings transform) {
      this.transform = transform;
      return this;
    }

    public RequestSettings build() {
      return new RequestSettings(
          Required.value(timeoutMillis, "RequestSettings.timeoutMillis"),
          Required.value(deadlineMillis, "RequestSettings.deadlineMillis"),
          Required.value(maxSize, "RequestSettings.maxSize"),
          Required.value(retries, "RequestSettings.retries"),
          Required.value(userAgent, "RequestSettings.userAgent"),
          headers, anyType, network, disallowedDirectives, transform);
    }
  }
}
