package dev.imgdl.cli.report;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the {@code --failed} file: the URL of every failed entry as given (credentials kept, so
 * the file is readable by its owner only), one per line, a valid input for the next run.
 * Invalid entries are left out: running them again cannot succeed.
 */
final class FailedList {
  private FailedList() {}

  /**
   * Writes the file atomically, readable by its owner only, its temporary file registered with
   * {@code temps}. A failure is thrown with the system's reason as its message ({@code No space
   * left on device}).
   */
  public static void write(Path path, List<Entry> entries, List<Result> results,
      TempFiles temps) throws IOException {
    AtomicFile.write(path, ".imgdl-failed-", AtomicFile.PRIVATE, temps, stream -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).status() == Status.FAILED) {
          out.write(entries.get(i).url());
          out.write('\n');
        }
      }
      out.flush();
    });
  }
}
