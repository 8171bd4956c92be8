package dev.imgdl.spark;

import dev.imgdl.core.config.ConfigArgs;
import dev.imgdl.core.config.ConfigException;
import dev.imgdl.core.config.ConfigFile;
import dev.imgdl.core.config.FetchOptions;
import dev.imgdl.core.config.Limits;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.NetworkOptions;
import dev.imgdl.core.config.OptionConverters;
import dev.imgdl.core.config.OptionOrigins;
import dev.imgdl.core.config.RequestOptions;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.config.RunOptions;
import dev.imgdl.core.config.TransformOptions;
import dev.imgdl.core.dataset.SavedColumns;
import dev.imgdl.core.input.InputOptions;
import dev.imgdl.core.input.TableInputOptions;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.text.ConsoleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        + "shards under OUTPUT, with one result row per input row in OUTPUT/results.",
    footerHeading = "%n",
    footer = {OptionConverters.UNITS, "",
        "On Spark, -w is the download threads of each task. With --per-host or --rate the "
            + "rows are spread over the tasks by host, so that the limits hold for the whole "
            + "job: a host split over k tasks gives each N/k in flight (at least 1: k is at "
            + "most N) and R/k per second. Saved columns are in the results too."})
public final class SparkDownload implements Callable<Integer> {
  /** Most --partitions: each is a task and a tar. */
  static final int MAX_PARTITIONS = 1_000_000;

  private static final String CONFIG = "--config";

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "Parquet, CSV, TSV, JSONL or a list of URLs; any Hadoop file system URL.")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT",
      description = "Where shards/, results/ and summary.json go; any Hadoop file system URL.")
  String output;

  // The options shared with the CLI, declared once in the core with their checks.
  @Mixin TableInputOptions tableOptions = new TableInputOptions();

  @Mixin RunOptions runOptions = new RunOptions();

  @Option(names = "--partitions", paramLabel = "N",
      description = "Tasks, and so shards, the downloads are spread over, 1 to 1000000. "
          + "Default: Spark's default parallelism.")
  Integer partitions;

  @Mixin FetchOptions fetchOptions = new FetchOptions();

  @Mixin TransformOptions transformOptions = new TransformOptions();

  // -H, --any-type and the network options: the CLI's, with its checks and messages.
  @Mixin RequestOptions requestOptions = new RequestOptions();

  @Mixin NetworkOptions networkOptions = new NetworkOptions();

  @Option(names = "--shared-local-path", description = "OUTPUT is a local path that every "
      + "machine of the cluster mounts (NFS, ...): accept it when the master is not local.")
  boolean sharedLocalPath;

  // Read before the real parse, by withConfig; declared for --help.
  @Option(names = CONFIG, paramLabel = "FILE",
      description = "Read options from FILE first (on the driver), one or more a line as on the "
          + "command line; the command line wins. No default file: a cluster has no user's "
          + "home to look in.")
  String config;

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
    ConfigArgs.Merged merged;
    try {
      merged = withConfig(args);
    } catch (ConfigException e) {
      err.println("imgdl: error: " + ConsoleText.safe(e.getMessage()));
      err.flush();
      return 2;
    }
    OptionOrigins origins = merged.origins();
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("imgdl: error: " + ConsoleText.safe(origins.locate(e))
          + " (see imgdl-spark --help)");
      return 2;
    });
    cli.setExecutionExceptionHandler((e, c, p) -> Failures.report(
        e, command.input, command.verbose.length > 0, origins, err));
    return cli.execute(merged.words().toArray(String[]::new));
  }

  /** {@code args} under the options of the {@code --config} file they name, if any. */
  private static ConfigArgs.Merged withConfig(String[] args) {
    CommandLine.ParseResult parsed =
        ConfigArgs.parse(new CommandLine(new SparkDownload()), List.of(args));
    String file = parsed == null ? null : parsed.matchedOptionValue(CONFIG, null);
    if (file == null) {
      return new ConfigArgs.Merged(List.of(args), OptionOrigins.NONE);
    }
    ConfigFile config = ConfigFile.read(Path.of(file), file);
    return ConfigArgs.merge(() -> new CommandLine(new SparkDownload()), config, List.of(args),
        Set.of(CONFIG));
  }

  @Override
  public Integer call() throws Exception {
    JobSettings settings = settings();
    // spark-submit gives the master as a system property: a local OUTPUT on a cluster is
    // refused before the session starts; a session built in code says its master after.
    OutputStorage.check(output, new SparkConf().get("spark.master", null), sharedLocalPath);
    if (settings.request().network().insecure()) {
      spec.commandLine().getErr().println(
          "imgdl: warning: --insecure: certificates are not checked");
    }
    SparkSession spark = sessions.get();
    OutputStorage.check(output, spark.sparkContext().master(), sharedLocalPath);
    spark.sparkContext().setLogLevel(sparkLogLevel(verbose.length));
    if (partitions == null) {
      settings = settings.withPartitions(spark.sparkContext().defaultParallelism());
    }
    RunSummary run = new SparkJob(spark, settings).run();
    Summary s = run.totals();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("imgdl-spark: %d entries: %d downloaded, %d skipped, %d failed, %d invalid, "
        + "%d duplicate; results in %s/results%n", s.entries(), s.downloaded(), s.skipped(),
        s.failed(), s.invalid(), s.duplicate(), output);
    out.flush();
    return s.successRatio() >= runOptions.minSuccess() ? 0 : 1;
  }

  private JobSettings settings() {
    try {
      runOptions.check();
      if (partitions != null) {
        Limits.range("--partitions", partitions, 1, MAX_PARTITIONS);
      }
      fetchOptions.check();
      InputOptions table = tableOptions.input();
      table.checkTables(List.of(input));
      SavedColumns.names(table.saveColumns(), ResultColumns.FIXED);
      // Not the driver's proxy variables: the executors' machines may need others.
      Network network = networkOptions.network(Map.of());
      RequestSettings request =
          RequestSettings.builder(fetchOptions, requestOptions, transformOptions, version())
              .network(network)
              .disallowedDirectives(tableOptions.disallowedDirectives())
              .build();
      return JobSettings.builder()
          .input(input)
          .output(output)
          .format(table.formatOf(input))
          .urlCol(table.urlColumn())
          .captionCol(table.captionColumn())
          .saveCols(table.saveColumns())
          .hash(table.hash())
          .workers(runOptions.workers())
          .partitions(partitions == null ? 0 : partitions)
          .perHost(runOptions.perHost())
          .rate(runOptions.rate())
          .request(request, caCertPem(network))
          .failOnce(sessionlessConf("spark.imgdl.test.failOncePartition"))
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The text of the --cacert file (checked already), shipped to the executors; or null. */
  private static String caCertPem(Network network) {
    if (network.caCertFile() == null) {
      return null;
    }
    try {
      return Files.readString(Path.of(network.caCertFile()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UsageException("--cacert " + network.caCertFile() + ": cannot be read");
    }
  }

  /** The test hook's partition, from a system property (local mode) or -1. */
  private static int sessionlessConf(String key) {
    return Integer.parseInt(System.getProperty(key, "-1"));
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
