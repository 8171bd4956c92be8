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
