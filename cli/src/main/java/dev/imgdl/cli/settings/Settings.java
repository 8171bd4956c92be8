package dev.imgdl.cli.settings;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Required;
import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.input.InputOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * @param junit where to write the JUnit XML report, or null
 * @param minSuccess lowest success ratio that still exits 0
 * @param quiet print nothing but errors
 * @param verbosity number of {@code -v}
 * @param progress whether to show the live progress display
 * @param childJvmOptions JVM options for process-mode children
 * @param input the inputs' format and, for tables, their columns
 * @param layout files (with or without subfolders) or webdataset shards
 * @param retryFailed webdataset: download again the entries of complete shards that failed in
 *     a way that can change, and write their shards again
 * @param annotations whether each failed or invalid entry also prints a GitHub Actions {@code
 *     ::error} workflow command (the environment says the run is on GitHub Actions)
 * @param cookieJar where to write the cookies at the end, or null
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
    Path junit,
    double minSuccess,
    boolean quiet,
    int verbosity,
    boolean progress,
    List<String> childJvmOptions,
    InputOptions input,
    OutputLayout layout,
    boolean retryFailed,
    boolean annotations,
    Path cookieJar) {

  public Settings {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fetch, "fetch");
    childJvmOptions = List.copyOf(childJvmOptions);
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(layout, "layout");
  }

  /** A builder: the inputs, the workers and the core's settings are required. */
  public static Builder builder() {
    return new Builder();
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

  /** {@code --check}: every entry fetched and validated, nothing written. */
  public boolean check() {
    return fetch.check();
  }

  /** The extension every saved image gets under {@code --resize}, or null: the body's own. */
  public String savedExtension() {
    return fetch.request().transform() == null ? null
        : fetch.request().transform().savedExtension();
  }

  /** The output directory: the core's, the one place it is kept. */
  public Path output() {
    return Path.of(fetch.outputDir());
  }

  /** Whether the report goes to standard output. */
  public boolean reportToStdout() {
    return "-".equals(report);
  }

  /**
   * Builds {@link Settings} by name. Unless told otherwise: thread mode with one child JVM for
   * process mode, no per-host cap and no rate limit, existing files skipped, no report and no
   * failed list nor JUnit report, every entry must succeed, the console's default detail
   * without progress, no annotations, children with the JVM's default options, lists or tables
   * by their names with a {@code url} column, plain files, failures of earlier runs left as they
   * are.
   */
  public static final class Builder {
    private List<String> inputs;
    private Integer workers;
    private Mode mode = Mode.THREAD;
    private int processes = 1;
    private FetchSettings fetch;
    private int perHost;
    private double rate;
    private boolean overwrite;
    private String report;
    private Path failed;
    private Path cookieJar;
    private Path junit;
    private double minSuccess = 1;
    private boolean quiet;
    private int verbosity;
    private boolean progress;
    private List<String> childJvmOptions = List.of();
    private InputOptions input = InputOptions.DEFAULT;
    private OutputLayout layout = OutputLayout.FILES;
    private boolean retryFailed;
    private boolean annotations;

    private Builder() {}

    public Builder inputs(List<String> inputs) {
      this.inputs = inputs;
      return this;
    }

    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder mode(Mode mode) {
      this.mode = mode;
      return this;
    }

    public Builder processes(int processes) {
      this.processes = processes;
      return this;
    }

    public Builder fetch(FetchSettings fetch) {
      this.fetch = fetch;
      return this;
    }

    public Builder perHost(int perHost) {
      this.perHost = perHost;
      return this;
    }

    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    public Builder overwrite(boolean overwrite) {
      this.overwrite = overwrite;
      return this;
    }

    /** Where to write the JSON report, {@code -} for standard output, or null for none. */
    public Builder report(String report) {
      this.report = report;
      return this;
    }

    /** Where to write the failed URLs, or null for nowhere. */
    public Builder failed(Path failed) {
      this.failed = failed;
      return this;
    }

    /** Where to write the cookies at the end of the run, or null for nowhere. */
    public Builder cookieJar(Path cookieJar) {
      this.cookieJar = cookieJar;
      return this;
    }

    /** Where to write the JUnit XML report, or null for nowhere. */
    public Builder junit(Path junit) {
      this.junit = junit;
      return this;
    }

    public Builder minSuccess(double minSuccess) {
      this.minSuccess = minSuccess;
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder verbosity(int verbosity) {
      this.verbosity = verbosity;
      return this;
    }

    public Builder progress(boolean progress) {
      this.progress = progress;
      return this;
    }

    public Builder childJvmOptions(List<String> childJvmOptions) {
      this.childJvmOptions = childJvmOptions;
      return this;
    }

    public Builder input(InputOptions input) {
      this.input = input;
      return this;
    }

    public Builder layout(OutputLayout layout) {
      this.layout = layout;
      return this;
    }

    public Builder retryFailed(boolean retryFailed) {
      this.retryFailed = retryFailed;
      return this;
    }

    /** Whether failed and invalid entries also print GitHub Actions annotations. */
    public Builder annotations(boolean annotations) {
      this.annotations = annotations;
      return this;
    }

    public Settings build() {
      return new Settings(Required.value(inputs, "Settings.inputs"),
          Required.value(workers, "Settings.workers"), mode, processes,
          Required.value(fetch, "Settings.fetch"), perHost, rate, overwrite, report, failed,
          junit, minSuccess, quiet, verbosity, progress, childJvmOptions, input, layout,
          retryFailed, annotations, cookieJar);
    }
  }
}
