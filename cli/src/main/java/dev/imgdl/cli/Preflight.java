package dev.imgdl.cli;

import dev.imgdl.cli.settings.Settings;
import dev.imgdl.core.dataset.LayoutRecord;
import dev.imgdl.core.input.InputReader;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is downloaded, that the run can finish: the inputs are readable, the
 * output directory exists or can be created and is writable, and the report, failed and JUnit
 * files can be written: their directory exists and they are regular files or do not exist yet; and,
 * first of all, that no output is an input ({@link InputGuard}). A failure is a usage error
 * (exit 2). A {@code --check} run has no output directory: it is neither made nor looked at.
 */
final class Preflight {
  private Preflight() {}

  static void check(Settings settings, InputStream stdin) {
    InputGuard.check(settings);
    new InputReader(stdin, settings.input()).check(settings.inputs());
    if (!settings.check()) {
      checkOutputDirectory(settings);
    }
    if (settings.report() != null && !settings.reportToStdout()) {
      checkWritableFile("--report", Path.of(settings.report()));
    }
    if (settings.failed() != null) {
      checkWritableFile("--failed", settings.failed());
    }
    if (settings.junit() != null) {
      checkJunit(settings);
    }
    if (settings.cookieJar() != null) {
      checkWritableFile("--cookie-jar", settings.cookieJar());
    }
  }

  /** The output directory exists or is created, can be written, and holds no other layout. */
  private static void checkOutputDirectory(Settings settings) {
    Path out = settings.output();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException(out + (Files.isRegularFile(out) ? " is a file" : " exists")
          + ", not a directory");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UsageException(
          "cannot create output directory " + out + ": " + ThrowableText.reason(e));
    }
    if (!Files.isDirectory(out) || !Files.isWritable(out)) {
      throw new UsageException("output directory " + out + " is not a writable directory");
    }
    Path probe = out.resolve(".imgdl-probe-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(probe);
      Files.createFile(probe);
      Files.delete(probe);
    } catch (IOException e) {
      throw new UsageException(
          "cannot write in output directory " + out + ": " + ThrowableText.reason(e));
    }
    if (!settings.overwrite()) {
      checkLayout(settings);
    }
  }

  /** As the report's file, and not one that another output of the run replaces. */
  private static void checkJunit(Settings settings) {
    Path junit = settings.junit();
    if (junit.toString().equals("-")) {
      throw new UsageException("--junit needs a file: standard output is for --report -");
    }
    checkWritableFile("--junit", junit);
    Path absolute = junit.toAbsolutePath().normalize();
    if (settings.report() != null && !settings.reportToStdout()
        && Path.of(settings.report()).toAbsolutePath().normalize().equals(absolute)) {
      throw new UsageException("--junit " + junit + " is also the --report file");
    }
    if (settings.failed() != null
        && settings.failed().toAbsolutePath().normalize().equals(absolute)) {
      throw new UsageException("--junit " + junit + " is also the --failed file");
    }
  }

  /**
   * A resume must ask for the layout its shards were written with (see {@link LayoutRecord}):
   * the recorded one, or for a webdataset run, the one that shards an older imgdl wrote show.
   */
  private static void checkLayout(Settings settings) {
    Path out = settings.output();
    String conflict;
    try {
      LayoutRecord had = LayoutRecord.read(out);
      if (had == null && settings.layout().webdataset()) {
        had = LayoutRecord.inferred(out, settings.layout());
      }
      conflict = had == null ? null : had.conflict(settings.layout(), out + "/");
    } catch (IOException e) {
      conflict = "cannot tell how the shards in " + out + " were written (" + e.getMessage()
          + "): use --overwrite to write them again";
    }
    if (conflict != null) {
      throw new UsageException(conflict);
    }
  }

  private static void checkWritableFile(String option, Path file) {
    Path absolute = file.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new UsageException(option + " " + file + " is a directory");
    }
    // A device or a pipe is written directly (nothing can be renamed over it): only its own
    // permission counts, not its directory's (/dev).
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      if (!Files.isWritable(absolute)) {
        throw new UsageException(option + " " + file + " is not writable");
      }
      return;
    }
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new UsageException(option + " " + file + ": directory " + dir
          + " does not exist or is not writable");
    }
  }
}
