package dev.imgdl.cli;

import dev.imgdl.cli.settings.Settings;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.input.InputReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Refuses, before anything is read or written, an output that is an input file: by its name,
 * or through a symbolic or hard link (the same file key). The report or the JUnit report would
 * replace the list it reports on, a shard or its metadata the table it was built from. The
 * {@code --failed} file is left out on purpose: {@code --failed list.txt list.txt} is the
 * documented way to keep only what is left to retry, and it is written after the input has been
 * read to its end.
 */
final class InputGuard {
  /** The names shards and their metadata files get: {@code 00000.tar}, {@code 00000.jsonl}. */
  private static final Pattern SHARD_FILE = Pattern.compile("[0-9]{5,}\\.(tar|parquet|jsonl)");

  private InputGuard() {}

  static void check(Settings settings) {
    List<Path> inputs = new ArrayList<>();
    for (String input : settings.inputs()) {
      if (!InputReader.STDIN.equals(input) && Files.exists(Path.of(input))) {
        inputs.add(Path.of(input));
      }
    }
    if (inputs.isEmpty()) {
      return;
    }
    if (settings.report() != null && !settings.reportToStdout()) {
      checkFile("--report", Path.of(settings.report()), inputs);
    }
    if (settings.junit() != null) {
      checkFile("--junit", settings.junit(), inputs);
    }
    if (settings.layout().format() == OutputLayout.Format.WEBDATASET) {
      checkShards(settings.output(), inputs);
    }
  }

  private static void checkFile(String option, Path file, List<Path> inputs) {
    for (Path input : inputs) {
      if (same(file, input)) {
        throw new UsageException(option + " " + file + " is the input " + input
            + ": it would be overwritten");
      }
    }
  }

  /** Each shard or metadata file already in {@code out}, against each input. */
  private static void checkShards(Path out, List<Path> inputs) {
    if (!Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (!SHARD_FILE.matcher(file.getFileName().toString()).matches()) {
          continue;
        }
        for (Path input : inputs) {
          if (same(file, input)) {
            throw new UsageException("the input " + input + " is the shard file " + file
                + " of -o " + out + ": it would be overwritten");
          }
        }
      }
    } catch (IOException e) {
      // Not listable: the output checks that follow say why in their words.
    }
  }

  private static boolean same(Path a, Path b) {
    try {
      return Files.exists(a) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
