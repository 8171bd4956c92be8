package dev.imgdl.spark;

import dev.imgdl.core.config.OptionOrigins;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.Credentials;
import dev.imgdl.core.text.ThrowableText;
import java.io.PrintWriter;

/**
 * How a failed run ends: one line {@code imgdl: error: ...} in words (a Java class name and a
 * stack trace, made console-safe, only with {@code -v}), and exit 2 for what the user can fix
 * (options, a missing INPUT or column, a malformed row: the core's readers' {@link
 * InputException}, in the CLI's words, or a Parquet file Spark's reader refuses; all before
 * anything is downloaded), 1 for the rest.
 */
final class Failures {
  private Failures() {}

  /** Prints {@code e}'s line, {@code FILE:LINE: } first for an option the config file gave. */
  static int report(Exception e, String input, boolean verbose, OptionOrigins origins,
      PrintWriter err) {
    boolean malformed = malformed(e);
    boolean option = e instanceof UsageException || e instanceof IllegalArgumentException;
    boolean usage = malformed || option || e instanceof InputException
        || e instanceof org.apache.spark.sql.AnalysisException;
    // The core's reader's message, as the CLI prints it: FILE:LINE: what is wrong.
    String message = e instanceof InputException ? e.getMessage()
        : malformed ? input + ": a malformed row (" + firstLine(e) + ")"
        : option ? origins.locate(firstLine(e)) : firstLine(e);
    err.println("imgdl: error: " + ConsoleText.safe(Credentials.redactWords(message)));
    if (verbose) {
      err.print(ThrowableText.of(e));
    }
    err.flush();
    return usage ? 2 : 1;
  }

  /** Whether Spark's reader refused a row of INPUT (FAILFAST), anywhere in the causes. */
  private static boolean malformed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().equals("BadRecordException")
          || String.valueOf(t.getMessage()).contains("MALFORMED_RECORD")) {
        return true;
      }
    }
    return false;
  }

  /** The reason in words (no Java class name without -v), its first line. */
  private static String firstLine(Throwable e) {
    String m = ThrowableText.reason(e);
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
