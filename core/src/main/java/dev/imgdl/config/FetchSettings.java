package dev.imgdl.config;

import java.util.List;
import java.util.Locale;

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
    List<String> disallowedDirectives) {

  /** The opt-outs respected unless told otherwise, as img2dataset respects them. */
  public static final List<String> DEFAULT_DISALLOWED =
      List.of("noai", "noimageai", "noindex", "noimageindex");

  public FetchSettings {
    headers = List.copyOf(headers);
    network = network == null ? Network.DEFAULT : network;
    disallowedDirectives = disallowedDirectives == null
        ? DEFAULT_DISALLOWED
        : disallowedDirectives.stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** Settings with the default opt-outs. */
  public FetchSettings(String outputDir, String runId, long timeoutMillis, long deadlineMillis,
      long maxSize, int retries, String userAgent, List<String> headers, boolean anyType,
      Network network) {
    this(outputDir, runId, timeoutMillis, deadlineMillis, maxSize, retries, userAgent, headers,
        anyType, network, DEFAULT_DISALLOWED);
  }

  /** Settings that reach servers directly, with the JDK's trust. */
  public FetchSettings(String outputDir, String runId, long timeoutMillis, long deadlineMillis,
      long maxSize, int retries, String userAgent, List<String> headers, boolean anyType) {
    this(outputDir, runId, timeoutMillis, deadlineMillis, maxSize, retries, userAgent, headers,
        anyType, Network.DEFAULT);
  }
}
