package dev.imgdl.spark;

import dev.imgdl.config.Durations;
import dev.imgdl.config.Limits;
import dev.imgdl.config.Sizes;
import dev.imgdl.dataset.SavedColumns;
import dev.imgdl.result.Summary;
import dev.imgdl.text.ConsoleText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class dev.imgdl.spark.SparkDownload imgdl-spark.jar [OPTIONS] INPUT
 * OUTPUT}: the options are checked before Spark starts (a bad one is one line and exit 2), then
 * the run is a {@link SparkJob}; the exit code is the CLI's (0 when the success ratio reaches
 * {@code --min-success}, 1 below it, 2 for a usage error).
 */
@Command(name = "imgdl-spark", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = SparkDownload.Version.class,
    description = "Downloads the images of a table of URLs on Apache Spark into webdataset "
        + "shards under OUTPUT, with one result row per input row in OUTPUT/results.")
public final class SparkDownload implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "Parquet, CSV, TSV, JSONL or a list of URLs; any Hadoop file system URL.")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT",
      description = "Where shards/, results/ and summary.json go; any Hadoop file system URL.")
  String output;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "lines, csv, tsv, jsonl or parquet. Default: from INPUT's extension.")
  String inputFormat;

  @Option(names = "--url-col", paramLabel = "NAME", defaultValue = "url",
      description = "The URL column. Default: ${DEFAULT-VALUE}.")
  String urlCol;

  @Option(names = "--caption-col", paramLabel = "NAME", description = "The caption column.")
  String captionCol;

  @Option(names = "--save-cols", paramLabel = "A,B,...", split = ",",
      description = "Columns carried through to the results and each image's KEY.json.")
  List<String> saveCols = List.of();

  @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "8",
      description = "Download threads per task. Default: ${DEFAULT-VALUE}.")
  int workers;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Tasks, and so shards, the downloads are spread over. Default: Spark's "
          + "default parallelism.")
  Integer partitions;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Extra attempts after a retryable failure. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "Connect timeout and longest silence. Default: ${DEFAULT-VALUE}.")
  String timeout;

  @Option(names = "--deadline", paramLabel = "DURATION", defaultValue = "5m",
      description = "Cap for one entry, all attempts included. Default: ${DEFAULT-VALUE}.")
  String deadline;

  @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "50M",
      description = "Largest body accepted. Default: ${DEFAULT-VALUE}.")
  String maxSize;

  @Option(names = "--per-host", paramLabel = "N", defaultValue = "16",
      description = "Most requests in flight per host, per executor; 0 for no limit. "
          + "Default: ${DEFAULT-VALUE}.")
  int perHost;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
      description = "Most requests per second per host, per executor; 0 for no limit.")
  double rate;

  @Option(names = "--user-agent", paramLabel = "S",
      description = "The User-Agent header, printable ASCII. Default: imgdl/VERSION.")
  String userAgent;

  @Option(names = "--disallowed-header-directives", paramLabel = "LIST",
      description = "X-Robots-Tag directives that opt a response out; empty turns the check "
          + "off. Default: noai,noimageai,noindex,noimageindex.")
  String disallowed;

  @Option(names = "--min-success", paramLabel = "RATIO", defaultValue = "1",
      description = "Exit 0 when the success ratio is at least RATIO. Default: ${DEFAULT-VALUE}.")
  double minSuccess;

  @Option(names = {"-v", "--verbose"}, description = "More detail, repeatable: -v stack traces "
      + "with errors; -vv Spark's warnings on the driver's console; -vvv its info lines. "
      + "Without -vv the driver logs only Spark's errors.")
  boolean[] verbose = new boolean[0];

  /** The driver's Spark log level for a number of -v: its errors only, as the CLI's libraries. */
  static String sparkLogLevel(int verbosity) {
    return verbosity < 2 ? "ERROR" : verbosity == 2 ? "WARN" : "INFO";
  }

  private Supplier<SparkSession> sessions;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(() -> SparkSession.builder().appName("imgdl").getOrCreate(), out, err, args);
    SparkSession.getActiveSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(code);
  }

  /** Runs with the given streams, on the session {@code sessions} gives once options are good. */
  public static int run(Supplier<SparkSession> sessions, PrintWriter out, PrintWriter err,
      String... args) {
    SparkDownload command = new SparkDownload();
    command.sessions = sessions;
    CommandLine cli = new CommandLine(command).setOut(out).setErr(err);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("imgdl: error: " + ConsoleText.safe(e.getMessage())
          + " (see imgdl-spark --help)");
      return 2;
    });
    cli.setExecutionExceptionHandler(
        (e, c, p) -> Failures.report(e, command.input, command.verbose.length > 0, err));
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    JobSettings settings = settings();
    SparkSession spark = sessions.get();
    spark.sparkContext().setLogLevel(sparkLogLevel(verbose.length));
    if (partitions == null) {
      settings = withPartitions(settings, spark.sparkContext().defaultParallelism());
    }
    RunSummary run = new SparkJob(spark, settings).run();
    Summary s = run.totals();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("imgdl-spark: %d entries: %d downloaded, %d skipped, %d failed, %d invalid, "
        + "%d duplicate; results in %s/results%n", s.entries(), s.downloaded(), s.skipped(),
        s.failed(), s.invalid(), s.duplicate(), output);
    out.flush();
    return s.successRatio() >= minSuccess ? 0 : 1;
  }

  private JobSettings settings() {
    range("--workers", workers, 1, 1024);
    range("--retries", retries, 0, 100);
    range("--per-host", perHost, 0, 100_000);
    if (partitions != null) {
      range("--partitions", partitions, 1, 1_000_000);
    }
    String agent = userAgent != null ? userAgent : "imgdl/" + version();
    if (!Limits.sendable(agent)) {
      throw usage("--user-agent must be printable ASCII");
    }
    int failOnce = sessionlessConf("spark.imgdl.test.failOncePartition");
    try {
      Limits.minSuccess(minSuccess);
      SavedColumns.names(saveCols, ResultColumns.FIXED);
      return new JobSettings(input, output, InputTable.format(inputFormat, input), urlCol,
          captionCol, saveCols, workers, partitions == null ? 0 : partitions,
          Limits.duration("--timeout", Durations.parse(timeout)).toMillis(),
          Limits.duration("--deadline", Durations.parse(deadline)).toMillis(),
          Limits.maxSize(Sizes.parse(maxSize)), retries, perHost, Limits.rate(rate), agent,
          Limits.directives(disallowed), failOnce);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The test hook's partition, from a system property (local mode) or -1. */
  private static int sessionlessConf(String key) {
    return Integer.parseInt(System.getProperty(key, "-1"));
  }

  private static JobSettings withPartitions(JobSettings s, int n) {
    return new JobSettings(s.input(), s.output(), s.format(), s.urlCol(), s.captionCol(),
        s.saveCols(), s.workers(), Math.max(1, n), s.timeoutMillis(), s.deadlineMillis(),
        s.maxSize(), s.retries(), s.perHost(), s.rate(), s.userAgent(),
        s.disallowedDirectives(), s.failOnce());
  }

  private static void range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(option + " must be between " + min + " and " + max + ": " + value);
    }
  }

  private static UsageException usage(String message) {
    return new UsageException(message);
  }

  /** {@code -V}: the version in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"imgdl-spark " + version()};
    }
  }

  private static String version() {
    String v = SparkDownload.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }


}
