package dev.imgdl.cli.run;

/**
 * A throwable that nothing expected (an {@link OutOfMemoryError}, a {@link StackOverflowError},
 * a bug) on one of the run's threads: the run stops as an interrupt stops it, writes what it
 * knows, and ends with one line in words and exit 1. The message never names a Java class; the
 * cause, with its stack trace, is for {@code -v}.
 */
public final class RunFailure extends RuntimeException {
  private RunFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code t} as a run failure: itself if it is one, else the words for it. */
  public static RunFailure of(Throwable t) {
    if (t instanceof RunFailure failure) {
      return failure;
    }
    if (t instanceof OutOfMemoryError) {
      // The input reader names the file it was reading: "out of memory while reading x.parquet".
      String message = t.getMessage();
      return new RunFailure(message != null && message.startsWith("out of memory")
          ? message : "out of memory", t);
    }
    return new RunFailure("internal error", t);
  }

  /** Whether the message alone says what happened, without the cause behind it. */
  public boolean speaksForItself() {
    return getCause() instanceof OutOfMemoryError;
  }
}
