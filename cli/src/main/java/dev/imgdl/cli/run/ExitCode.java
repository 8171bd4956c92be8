package dev.imgdl.cli.run;

/**
 * The exit status of imgdl, as docs/spec.md's table fixes it: the codes, and the one rule that
 * picks the code of a run that got as far as downloading. Scripts and cron jobs read these
 * numbers, so they change only with the contract.
 */
public final class ExitCode {
  /** The success ratio is at least {@code --min-success}. */
  public static final int OK = 0;

  /** It is below, or the report or the failed file could not be written. */
  public static final int BELOW_THRESHOLD = 1;

  /** A usage error: nothing was downloaded. */
  public static final int USAGE = 2;

  /** Interrupted by SIGINT or SIGTERM, whatever else happened. */
  public static final int INTERRUPTED = 130;

  /** A status and when imgdl returns it, in the words of {@code --help} and the man page. */
  public record Meaning(int code, String when) {}

  /** Every status, in words. */
  public static final java.util.List<Meaning> MEANINGS = java.util.List.of(
      new Meaning(OK, "when the success ratio (downloaded + checked + skipped) / "
          + "(entries - duplicates) "
          + "is at least --min-success"),
      new Meaning(BELOW_THRESHOLD, "when the success ratio is below --min-success, or when "
          + "the report or failed file could not be written"),
      new Meaning(USAGE, "for a usage error (nothing is downloaded)"),
      new Meaning(INTERRUPTED, "when interrupted by SIGINT or SIGTERM (report still written)"));

  private ExitCode() {}

  /**
   * The status of a run: an interrupt wins, then an output that could not be written, then the
   * success ratio against the threshold.
   *
   * @param outputsWritten whether the report and the failed file, those asked for, were written
   */
  public static int of(boolean interrupted, boolean outputsWritten, double successRatio,
      double minSuccess) {
    if (interrupted) {
      return INTERRUPTED;
    }
    if (!outputsWritten) {
      return BELOW_THRESHOLD;
    }
    return successRatio >= minSuccess ? OK : BELOW_THRESHOLD;
  }
}
