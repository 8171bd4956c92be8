package dev.imgdl.settings;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.dataset.OutputLayout;
import dev.imgdl.input.InputOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The immutable settings of one run, built once from the command line. Nothing below the CLI
 * sees picocli; everything below reads this record.
 *
 * @param inputs input files, {@code -} for standard input; never empty
 * @param workers number of chunks and workers
 * @param mode thread or process workers
 * @param processes most child JVMs in process mode; there are never more than non-empty chunks
 * @param fetch what the download core needs, shared with child JVMs
 * @param perHost most requests in flight to one host, 0 for no cap
 * @param rate most requests per second to one host, 0 for no limit
 * @param overwrite download even when the target exists, instead of skipping the entry
 * @param report where to write the JSON report, {@code -} for standard output, or null
 * @param failed where to write failed URLs, or null
 * @param minSuccess lowest success ratio that still exits 0
 * @param quiet print nothing but errors
 * @param verbosity number of {@code -v}
 * @param progress whether to show the live progress display
 * @param childJvmOptions JVM options for process-mode children
 * @param input the inputs' format and, for tables, their columns
 * @param layout files (with or without subfolders) or webdataset shards
 * @param retryFailed webdataset: download again the entries of complete shards that failed in
 *     a way that can change, and write their shards again
 */
public record Settings(
    List<String> inputs,
    int workers,
    Mode mode,
    int processes,
    FetchSettings fetch,
    int perHost,
    double rate,
    boolean overwrite,
    String report,
    Path failed,
    double minSuccess,
    boolean quiet,
    int verbosity,
    boolean progress,
    List<String> childJvmOptions,
    InputOptions input,
    OutputLayout layout,
    boolean retryFailed) {

  public Settings {
    inputs = List.copyOf(inputs);
    childJvmOptions = List.copyOf(childJvmOptions);
    input = input == null ? InputOptions.DEFAULT : input;
    layout = layout == null ? OutputLayout.FILES : layout;
  }

  /** Settings of lists, written as plain files. */
  public Settings(List<String> inputs, int workers, Mode mode, int processes, FetchSettings fetch,
      int perHost, double rate, boolean overwrite, String report, Path failed, double minSuccess,
      boolean quiet, int verbosity, boolean progress, List<String> childJvmOptions) {
    this(inputs, workers, mode, processes, fetch, perHost, rate, overwrite, report, failed,
        minSuccess, quiet, verbosity, progress, childJvmOptions, InputOptions.DEFAULT,
        OutputLayout.FILES, false);
  }

  /**
   * The per-host cap that can actually bind: none when there are no more workers than the cap,
   * since each worker has at most one request in flight. Skipping a gate that cannot close saves
   * a lock per request, and in process mode a round trip over the pipe.
   */
  public int effectivePerHost() {
    return perHost >= workers ? 0 : perHost;
  }

  /** Whether requests must ask a host gate at all. */
  public boolean politenessLimited() {
    return effectivePerHost() > 0 || rate > 0;
  }

  /** The output directory: the core's, the one place it is kept. */
  public Path output() {
    return Path.of(fetch.outputDir());
  }

  /** Whether the report goes to standard output. */
  public boolean reportToStdout() {
    return "-".equals(report);
  }
}
