package dev.imgdl.cli.report;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Cookie;

/**
 * Writes what a run leaves behind once every entry has its result: the report (to a file or to
 * standard output), the failed file, the JUnit report, and the summary unless quiet. Each file is
 * written even when another cannot be; one that cannot is an {@code imgdl: error: cannot write
 * ...} line that names it, and the caller learns that the run's outputs are incomplete.
 */
public final class Outputs {
  /**
   * The files asked for.
   *
   * @param report where the report goes: a path, {@code -} for standard output, or null for none
   * @param failed where the failed file goes, or null for none
   * @param junit where the JUnit report goes, or null for none
   * @param cookieJar where the cookies go, or null for none
   */
  public record Files(String report, Path failed, Path junit, Path cookieJar) {}

  private final String report;
  private final Path failed;
  private final Path junit;
  private final Path cookieJar;
  private final boolean quiet;
  private final boolean verbose;
  private final PrintStream stdout;
  private final PrintWriter err;
  private final TempFiles temps;

  /**
   * @param files the files asked for
   * @param quiet whether to leave the summary out
   * @param verbose whether the summary shows the per-worker table whatever it holds
   * @param temps the run's temporary files, which the files' temporary files join
   */
  public Outputs(Files files, boolean quiet, boolean verbose, PrintStream stdout,
      PrintWriter err, TempFiles temps) {
    this.report = files.report();
    this.failed = files.failed();
    this.junit = files.junit();
    this.cookieJar = files.cookieJar();
    this.quiet = quiet;
    this.verbose = verbose;
    this.stdout = stdout;
    this.err = err;
    this.temps = temps;
  }

  /**
   * Writes the report, the failed file and the JUnit report, those asked for, then prints the
   * summary.
   *
   * @param interrupted whether the summary says that an interrupt ended the run
   * @return whether every file asked for was written completely
   */
  public boolean write(RunRecord record, boolean interrupted) {
    boolean written = writeFiles(record);
    if (!quiet) {
      SummaryPrinter.print(record, interrupted, verbose, err);
    }
    return written;
  }

  /**
   * Writes the report, the failed file and the JUnit report, those asked for, without the
   * summary: for a run that an unreadable input ended, whose one line is the error.
   *
   * @return whether every file asked for was written completely
   */
  public boolean writeFiles(RunRecord record) {
    boolean written = true;
    if (report != null) {
      boolean toStdout = "-".equals(report);
      try {
        if (toStdout) {
          ReportWriter.writeToStandardOutput(record, stdout);
        } else {
          ReportWriter.write(record, Path.of(report), temps);
        }
      } catch (IOException e) {
        written = false;
        cannotWrite("report " + (toStdout ? "to standard output" : report), e);
      }
    }
    if (failed != null) {
      try {
        FailedList.write(failed, record.entries(), record.results(), temps);
      } catch (IOException e) {
        written = false;
        cannotWrite("failed list " + failed, e);
      }
    }
    if (junit != null) {
      try {
        JunitReport.write(record, junit, temps);
      } catch (IOException e) {
        written = false;
        cannotWrite("JUnit report " + junit, e);
      }
    }
    return written;
  }

  /**
   * Writes the cookie jar, if one was asked for, with {@code cookies}: apart from the other
   * files, since cookies are no part of the run's record.
   *
   * @return whether the jar, if asked for, was written
   */
  public boolean writeCookieJar(List<Cookie> cookies) {
    if (cookieJar == null) {
      return true;
    }
    try {
      CookieJarFile.write(cookieJar, cookies, temps);
      return true;
    } catch (IOException e) {
      cannotWrite("cookie jar " + cookieJar, e);
      return false;
    }
  }

  private void cannotWrite(String what, IOException e) {
    err.println("imgdl: error: cannot write " + ConsoleText.safe(what) + ": "
        + ConsoleText.safe(ThrowableText.reason(e)));
    err.flush();
  }
}
