package dev.imgdl.core.config;

import picocli.CommandLine.Option;

/**
 * The options of a whole run that every front end shares, declared once as a picocli mixin:
 * workers, the politeness limits per host, and the success ratio the exit status follows. Each
 * accessor checks its value with {@link Limits}: an {@link IllegalArgumentException} naming the
 * option is what the user reads.
 */
public final class RunOptions {
  @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "8",
      description = "Number of chunks and workers, 1 to 256. Default: ${DEFAULT-VALUE}.")
  private int workers;

  @Option(names = "--per-host", paramLabel = "N", defaultValue = "16",
      description = "At most N requests in flight to one host, 0 to 100000; 0 = no cap. "
          + "Default: ${DEFAULT-VALUE}.")
  private int perHost;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = "At most R requests per second to one host, a decimal from 0.001 to "
          + "1000000; 0 = no limit. Default: ${DEFAULT-VALUE}.")
  private double rate;

  @Option(names = "--min-success", paramLabel = "RATIO", defaultValue = "1",
      description = "Exit 0 when the success ratio is at least RATIO, 0 to 1. "
          + "Default: ${DEFAULT-VALUE}.")
  private double minSuccess;

  /** Checks every value, throwing for the first one out of bounds. */
  public void check() {
    workers();
    perHost();
    rate();
    minSuccess();
  }

  public int workers() {
    return Limits.workers(workers);
  }

  public int perHost() {
    return Limits.perHost(perHost);
  }

  public double rate() {
    return Limits.rate(rate);
  }

  public double minSuccess() {
    return Limits.minSuccess(minSuccess);
  }
}
