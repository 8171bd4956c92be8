package dev.imgdl.core.config;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options of one download that every front end shares, declared once as a picocli mixin so
 * that the command line and the Spark job take the same values, with the same defaults, bounds
 * and messages. Each accessor checks its value with {@link Limits}: an {@link
 * IllegalArgumentException} naming the option is what the user reads.
 */
public final class FetchOptions {
  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Extra attempts after the first, 0 to 100, for retryable failures "
          + "(connection errors, timeouts, HTTP 408 425 429 500 502 503 504 522 524). "
          + "Default: ${DEFAULT-VALUE}.")
  private int retries;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      converter = OptionConverters.DurationConverter.class,
      description = "Connect timeout, and the longest silence while reading; 1ms to 24h. "
          + "Default: ${DEFAULT-VALUE}.")
  private Duration timeout;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "5m",
      converter = OptionConverters.DurationConverter.class,
      description = "Wall-clock cap for one entry, all attempts and waits included; 1ms to "
          + "24h. Default: ${DEFAULT-VALUE}.")
  private Duration deadline;

  @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "50M",
      converter = OptionConverters.SizeConverter.class,
      description = "A larger body is aborted and the entry fails; at most 1024G. "
          + "Default: ${DEFAULT-VALUE}.")
  private long maxSize;

  @Option(names = "--user-agent", paramLabel = "S",
      description = "The User-Agent header, printable ASCII. Default: imgdl/VERSION.")
  private String userAgent;

  /** Checks every value, throwing for the first one out of bounds. */
  public void check() {
    retries();
    timeoutMillis();
    deadlineMillis();
    maxSize();
    if (userAgent != null) {
      Limits.userAgent(userAgent);
    }
  }

  public int retries() {
    return Limits.retries(retries);
  }

  public long timeoutMillis() {
    return Limits.duration("--timeout", timeout).toMillis();
  }

  public long deadlineMillis() {
    return Limits.duration("--deadline", deadline).toMillis();
  }

  public long maxSize() {
    return Limits.maxSize(maxSize);
  }

  /** The User-Agent header: the one given, else {@code imgdl/VERSION}. */
  public String userAgent(String version) {
    return userAgent != null ? Limits.userAgent(userAgent) : "imgdl/" + version;
  }
}
