package dev.imgdl.cli;

import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.source.ParquetSupport;
import dev.imgdl.core.text.Alternatives;
import java.util.Arrays;
import java.util.Stack;
import java.util.function.Function;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of where downloads go, shown in {@code --help} under "Dataset outputs", and their
 * checks: a combination that would be silently ignored (shards with subfolders, a shard size for
 * plain files) is a usage error.
 */
final class DatasetOutputOptions {
  static final int MAX_SHARD = 1_000_000;
  static final int DEFAULT_FOLDER = 10_000;

  @Option(names = "--output-format", paramLabel = "FORMAT",
      completionCandidates = OutputLayout.Format.Labels.class,
      description = "files: one file per image (default); webdataset: one tar per shard of "
          + "--shard-size entries (00000.tar, ...), with a metadata file beside each.")
  String format;

  @Option(names = "--subdirs", paramLabel = "N", arity = "0..1",
      parameterConsumer = FolderSize.class,
      description = "files: spread the images over numbered subfolders (00000/, 00001/, ...) "
          + "of N entries each, by input position; N defaults to 10000.")
  Integer subdirs;

  @Option(names = "--shard-size", paramLabel = "N",
      description = "webdataset: entries per shard, invalid and duplicate ones included. "
          + "Default: 10000.")
  Integer shardSize;

  @Option(names = "--metadata", paramLabel = "FORMAT",
      completionCandidates = OutputLayout.Metadata.Labels.class,
      description = "webdataset: the format of each shard's metadata file, parquet or jsonl. "
          + "Default: parquet (needs imgdl-parquet.jar beside imgdl.jar).")
  String metadata;

  @Option(names = "--retry-failed",
      description = "webdataset: download again the failed entries of complete shards (not "
          + "opt-outs, invalid or duplicate ones) and write those shards again, keeping their "
          + "other members as they are. Without it a failed entry of a complete shard is "
          + "reported failed again, from its metadata.")
  boolean retryFailed;

  /**
   * Takes N only when it is a number, so that {@code --subdirs list.txt} leaves the file to be
   * an input, where picocli's optional value would take it and fail on it.
   */
  static final class FolderSize implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
      String next = args.isEmpty() ? null : args.peek();
      if (next != null && next.isEmpty()) {
        // --subdirs= : no input is named "", so the empty value was meant for the option.
        throw new ParameterException(command.commandLine(),
            "--subdirs= needs a number of entries per folder, or no '=' for 10000");
      }
      if (next != null && next.matches("[0-9]{1,9}")) {
        option.setValue(Integer.parseInt(args.pop()));
      } else if (next != null && next.matches("[0-9]+")) {
        args.pop();
        option.setValue(Integer.MAX_VALUE); // refused below as out of range
      } else {
        option.setValue(DEFAULT_FOLDER);
      }
    }
  }

  boolean retryFailed() {
    return retryFailed;
  }

  OutputLayout layout() {
    boolean webdataset = format != null && choice("--output-format", format,
        OutputLayout.Format.values(), OutputLayout.Format::label) == OutputLayout.Format.WEBDATASET;
    OutputLayout.Metadata meta = metadata == null ? OutputLayout.Metadata.PARQUET
        : choice("--metadata", metadata, OutputLayout.Metadata.values(),
            OutputLayout.Metadata::extension);
    if (webdataset) {
      if (subdirs != null) {
        throw new UsageException("--subdirs is for --output-format files");
      }
      int size = shardSize == null ? 10_000 : shardSize;
      if (size < 1 || size > MAX_SHARD) {
        throw new UsageException("--shard-size must be 1 to 1000000, not " + size);
      }
      if (meta == OutputLayout.Metadata.PARQUET && ParquetSupport.find().isEmpty()) {
        throw new UsageException("webdataset metadata in Parquet (--metadata parquet, the "
            + "default) " + ParquetSupport.NEEDS + "; --metadata jsonl needs nothing more");
      }
      return new OutputLayout(OutputLayout.Format.WEBDATASET, 0, size, meta, null);
    }
    if (shardSize != null || metadata != null) {
      throw new UsageException("--shard-size and --metadata are for --output-format webdataset");
    }
    if (retryFailed) {
      throw new UsageException("--retry-failed is for --output-format webdataset (plain files "
          + "download failed entries again on every run)");
    }
    if (subdirs != null && (subdirs < 1 || subdirs > MAX_SHARD)) {
      throw new UsageException("--subdirs must be 1 to 1000000, not " + subdirs);
    }
    return new OutputLayout(OutputLayout.Format.FILES, subdirs == null ? 0 : subdirs, 10_000,
        meta, null);
  }

  /** The value of {@code values} that {@code value} names exactly, else a usage error. */
  private static <T> T choice(String option, String value, T[] values, Function<T, String> label) {
    for (T candidate : values) {
      if (label.apply(candidate).equals(value)) {
        return candidate;
      }
    }
    throw new UsageException(option + " must be "
        + Alternatives.of(Arrays.stream(values).map(label).toList()) + ", not '" + value + "'");
  }
}
