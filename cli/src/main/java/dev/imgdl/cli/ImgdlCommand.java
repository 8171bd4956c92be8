package dev.imgdl.cli;

import dev.imgdl.cli.logging.Logging;
import dev.imgdl.cli.report.Terminal;
import dev.imgdl.cli.run.ExitCode;
import dev.imgdl.cli.run.Run;
import dev.imgdl.cli.run.RunFailure;
import dev.imgdl.cli.settings.Mode;
import dev.imgdl.cli.settings.Settings;
import dev.imgdl.core.config.ConfigException;
import dev.imgdl.core.config.FetchOptions;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Limits;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.NetworkOptions;
import dev.imgdl.core.config.OptionConverters;
import dev.imgdl.core.config.OptionOrigins;
import dev.imgdl.core.config.RequestOptions;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.config.RunOptions;
import dev.imgdl.core.config.TransformOptions;
import dev.imgdl.core.input.InputOptions;
import dev.imgdl.core.input.TableInputOptions;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ThrowableText;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code imgdl} command: parses and checks the options into one {@link Settings} record,
 * then hands it to a {@link Run}. Nothing below this class sees picocli.
 */
@Command(
    name = "imgdl",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    headerHeading = "",
    header =
        "Download a list of image URLs in parallel, check each is an image, write it atomically.",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    description = {
      "Reads one URL per line from each FILE (- or no FILE: standard input), or one per row "
          + "of a CSV, TSV, JSONL or Parquet table (see Dataset inputs). Blank lines and "
          + "lines starting with # are ignored. Every other line ends as downloaded, skipped "
          + "(the file already exists), duplicate, invalid or failed (checked instead of "
          + "downloaded with --check): see the summary, --report and the exit status."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n")
final class ImgdlCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ImgdlCommand.class);

  /** Most child JVMs; also the cap of the default on a machine with more cores. */
  static final int MAX_PROCESSES = 256;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of URLs, one per line; - reads standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "images",
      description = "Where images go; created with its parents. Default: ${DEFAULT-VALUE}.")
  Path output;

  // -w, --per-host, --rate, --min-success: declared once, for the Spark job too.
  @Mixin RunOptions runOptions = new RunOptions();

  @Option(names = "--mode", paramLabel = "thread|process", defaultValue = "thread",
      converter = Converters.ModeConverter.class, completionCandidates = Mode.Labels.class,
      description = "Workers as threads in this JVM, or in child JVMs (see --processes). "
          + "Default: thread.")
  Mode mode;

  @Option(names = "--processes", paramLabel = "P",
      description = "Process mode: number of child JVMs the chunks are dealt to, 1 to 256, "
          + "never more than the chunks. Default: the number of cores.")
  Integer processes;

  // --retries, --timeout, --deadline, --max-size, --user-agent: shared with the Spark job.
  @Mixin FetchOptions fetchOptions = new FetchOptions();

  // The CLI's own: in the Spark job a budget could only hold per executor (docs/spark.md).
  @Option(names = "--limit-rate", paramLabel = "SIZE",
      converter = OptionConverters.SizeConverter.class,
      description = "Most body bytes per second for the whole run (500k, 2M; 1k to 1024G), "
          + "shared by all workers and process-mode children, as curl's. Default: no limit.")
  Long limitRate;

  /** The {@code --limit-rate} in bytes per second, 0 for none; out of bounds is a usage error. */
  private long limitRate() {
    if (limitRate == null) {
      return 0;
    }
    try {
      return Limits.limitRate(limitRate);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  // -H, --any-type: shared with the Spark job.
  @Mixin RequestOptions requestOptions = new RequestOptions();

  @Option(names = "--check",
      description = "Fetch and validate every entry as a download does (retries, size, "
          + "signature, opt-outs), and save nothing: no output directory, no temporary file. "
          + "An entry that would have been saved is checked. Not with the options that say "
          + "where or how to save (-o, --overwrite, Dataset outputs).")
  boolean check;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write a JSON report of every entry; - writes it to standard output.")
  String report;

  @Option(names = "--failed", paramLabel = "FILE",
      description = "Write the URLs of failed entries, one per line (owner-only permissions): "
          + "a valid input for a re-run.")
  Path failed;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Write a JUnit XML report (one testcase per entry) for CI test reporters.")
  Path junit;

  @Option(names = "--overwrite",
      description = "Download even when the target file already exists (default: skip it).")
  boolean overwrite;

  @Option(names = {"-q", "--quiet"},
      description = "Print nothing but errors: one line per failed or invalid entry, no "
          + "summary. Silent when everything succeeded.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"},
      description = "More log detail on standard error; repeat for more (-vv: every request; "
          + "-vvv: their request and response headers, credentials and cookie values hidden).")
  boolean[] verbose = new boolean[0];

  @Option(names = "--progress", negatable = true,
      description = "Progress display on standard error. Default: on when standard error is "
          + "a terminal.")
  Boolean progress;

  /** What C1 only costs decoding and resampling: see {@link #childJavaOptions}. */
  private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  // C1 only (the run is over before C2 pays off), the serial collector (one GC thread, least
  // memory), a small heap, no perf data file. ProcessWorkers adds a class data sharing archive.
  @Option(names = "--child-java-options", paramLabel = "OPTS",
      description = "JVM options for process-mode children, space-separated, replacing the "
          + "defaults (${DEFAULT-VALUE}; with --resize, without -XX:TieredStopAtLevel=1).",
      defaultValue = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx256m "
          + "-XX:-UsePerfData")
  String childJavaOptions;

  // Read before picocli parses the command line, by UserConfig; declared for --help.
  @Option(names = UserConfig.CONFIG, paramLabel = "FILE",
      description = "Read options from FILE first: one or more a line, as on the command line, "
          + "# comments. The command line wins. Default: $XDG_CONFIG_HOME/imgdl/config, else "
          + "~/.config/imgdl/config, when it exists.")
  Path config;

  @Option(names = UserConfig.NO_CONFIG,
      description = "Read no config file, not even the default one.")
  boolean noConfig;

  @ArgGroup(validate = false, heading = "%nNetwork (environment: http_proxy, https_proxy, "
      + "all_proxy, no_proxy, lower or upper case):%n", order = 1)
  NetworkOptions network = new NetworkOptions();

  @ArgGroup(validate = false, heading = "%nLogins and cookies (environment: NETRC, HOME):%n",
      order = 1)
  LoginOptions logins = new LoginOptions();

  // Shared with the Spark job, where it is a mixin: picocli takes no mixin in a group.
  @ArgGroup(validate = false, heading = "%nDataset inputs (tables of URLs, and opt-outs):%n",
      order = 2)
  TableInputOptions datasetInputs = new TableInputOptions();

  @ArgGroup(validate = false, heading = "%nDataset outputs:%n", order = 3)
  DatasetOutputOptions dataset = new DatasetOutputOptions();

  // Shared with the Spark job, where it is a mixin: picocli takes no mixin in a group.
  @ArgGroup(validate = false, heading = "%nImages for training (resize, filters):%n", order = 4)
  TransformOptions images = new TransformOptions();

  private Map<String, String> env = Map.of();
  private String configNote;

  /** Where the config file's options were written, for the usage errors about their values. */
  private OptionOrigins origins = OptionOrigins.NONE;

  private InputStream stdin;
  private PrintStream stdout;
  private PrintStream stderr;
  private Interrupts interrupts;

  /**
   * Parses {@code args}, runs, and returns the exit code; prints through the given streams.
   *
   * @param interrupts where signals are routed, or null when running in-process
   * @param env the environment, for its proxy variables
   */
  static int run(InputStream in, PrintStream out, PrintStream err, Interrupts interrupts,
      Map<String, String> env, String... args) {
    ImgdlCommand command = new ImgdlCommand();
    command.env = Map.copyOf(env);
    command.stdin = in;
    command.stdout = out;
    command.stderr = err;
    command.interrupts = interrupts;
    CommandLine cli = commandLine(command);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    UserConfig.Chosen chosen;
    try {
      chosen = UserConfig.apply(command.env, args);
    } catch (UsageException | ConfigException e) {
      cli.getErr().println("imgdl: error: " + ConsoleText.safe(e.getMessage()));
      cli.getErr().flush();
      return ExitCode.USAGE;
    }
    command.configNote = chosen.note();
    command.origins = chosen.origins();
    cli.setParameterExceptionHandler(
        (e, a) -> {
          String unknown = e instanceof CommandLine.UnmatchedArgumentException u
              ? UnknownOption.message(u) : null;
          e.getCommandLine().getErr().println("imgdl: error: " + (unknown != null ? unknown
              : ConsoleText.safe(chosen.origins().locate(e)) + " (see imgdl --help)"));
          return ExitCode.USAGE;
        });
    cli.setExecutionExceptionHandler(new Failures(command));
    return cli.execute(chosen.args());
  }

  /**
   * The command line of {@code command} with all that {@code --help} shows: the annotations, the
   * footer (units, exit statuses, an example) and the environment, whose lists live in code.
   */
  static CommandLine commandLine(ImgdlCommand command) {
    CommandLine cli = new CommandLine(command);
    String statuses = ExitCode.MEANINGS.stream().map(m -> m.code() + " " + m.when())
        .collect(Collectors.joining("; ", "Exit status: ", "."));
    cli.getCommandSpec().usageMessage().footer(OptionConverters.UNITS, "", statuses, "",
        "Example: imgdl -o images -w 16 --report report.json --failed retry.txt urls.txt");
    Environment.addTo(cli);
    return cli;
  }

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    Logging.setLevel(Logging.levelFor(settings.verbosity(), settings.quiet()));
    log.info("{}", configNote);
    if (settings.fetch().request().network().insecure() && !settings.quiet()) {
      spec.commandLine().getErr().println(
          "imgdl: warning: --insecure: certificates are not checked");
    }
    Preflight.check(settings, stdin);
    Run run = new Run(settings, stdin, stdout, spec.commandLine().getErr(), stderr);
    if (interrupts != null) {
      interrupts.attach(run);
    }
    return run.execute();
  }

  int verbosity() {
    return verbose.length;
  }

  /** The network options over the environment's proxy variables; a bad value is a usage error. */
  private Network network(Map<String, String> env) {
    try {
      return (network != null ? network : new NetworkOptions()).network(env);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private Settings settings() {
    OptionChecks.check(this);
    if (files.isEmpty()) {
      if (Terminal.stdinIsTerminal()) {
        throw new UsageException("no input: give a FILE of URLs, or pipe them on standard input");
      }
      files = List.of("-");
    }
    if (ClosedInput.isClosed(stdin) && files.contains("-")) {
      throw new UsageException("no input: standard input is closed; give a FILE of URLs");
    }
    InputOptions input = inputs().input();
    try {
      input.checkTables(files);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path out = output.toAbsolutePath().normalize();
    RequestSettings request =
        RequestSettings.builder(fetchOptions, requestOptions, images(), Version.current())
            .network(network(env))
            .disallowedDirectives(inputs().disallowedDirectives())
            .build();
    FetchSettings fetch = FetchSettings.builder()
        .outputDir(out.toString())
        .runId(UUID.randomUUID().toString().substring(0, 8))
        .request(request)
        .identity(logins().identity(env))
        .limitRate(limitRate())
        .check(check)
        .md5(input.md5())
        .build();
    List<String> childOptions = childJavaOptions(fetch);
    int children = processes != null ? processes : Runtime.getRuntime().availableProcessors();
    return Settings.builder()
        .inputs(files)
        .workers(runOptions.workers())
        .mode(mode)
        .processes(Math.min(children, MAX_PROCESSES))
        .fetch(fetch)
        .perHost(runOptions.perHost())
        .rate(runOptions.rate())
        .overwrite(overwrite)
        .report(report)
        .failed(failed)
        .junit(junit)
        .minSuccess(runOptions.minSuccess())
        .quiet(quiet)
        .verbosity(verbosity())
        .progress(progress != null ? progress : Terminal.stderrIsTerminal())
        .childJvmOptions(childOptions)
        .input(input)
        .layout(outputs().layout().withShape(
            request.transform() == null ? null : request.transform().shape()))
        .retryFailed(outputs().retryFailed())
        .annotations(Environment.githubActions(env))
        .cookieJar(logins().cookieJar)
        .build();
  }

  private DatasetOutputOptions outputs() {
    return dataset != null ? dataset : new DatasetOutputOptions();
  }

  private LoginOptions logins() {
    return logins != null ? logins : new LoginOptions();
  }

  TransformOptions images() {
    return images != null ? images : new TransformOptions();
  }

  TableInputOptions inputs() {
    return datasetInputs != null ? datasetInputs : new TableInputOptions();
  }

  /**
   * Turns exceptions from {@link #call} into a one-line message and an exit code. Messages can
   * hold file names and option values as typed, so they are made console-safe.
   */
  private record Failures(ImgdlCommand command) implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
      PrintWriter err = cli.getErr();
      if (e instanceof UsageException || e instanceof InputException) {
        String message = e instanceof UsageException
            ? command.origins.locate(e.getMessage()) : e.getMessage();
        err.println("imgdl: error: " + ConsoleText.safe(message));
        err.flush();
        return ExitCode.USAGE;
      }
      if (e instanceof RunFailure failure) {
        err.println("imgdl: error: " + ConsoleText.safe(failure.getMessage())
            + (command.verbosity() > 0
            ? ": " + ConsoleText.safe(failure.getCause().toString())
            : failure.speaksForItself() ? "" : " (run again with -v for the details)"));
        if (command.verbosity() > 0) {
          err.print(ThrowableText.of(failure.getCause()));
        }
      } else if (command.verbosity() > 0) {
        err.println("imgdl: error: " + ConsoleText.safe(e.toString()));
        err.print(ThrowableText.of(e));
      } else {
        // A bug, not the user's doing: no Java exception name without -v.
        String detail = e instanceof java.io.IOException
            ? ": " + ConsoleText.safe(ThrowableText.reason(e))
            : " (run again with -v for the details)";
        err.println("imgdl: error: internal error" + detail);
      }
      err.flush();
      return ExitCode.BELOW_THRESHOLD;
    }
  }

  /**
   * The children's JVM options: the user's, or the defaults, from which a run that decodes
   * ({@code --resize}) drops C1 only: its work is long loops of arithmetic, which C2 compiles
   * into much faster code, and the children live long enough for it to pay.
   */
  private List<String> childJavaOptions(FetchSettings fetch) {
    return childJavaOptions(childJavaOptions,
        spec.commandLine().getParseResult().hasMatchedOption("--child-java-options"),
        fetch.request().transform() != null && fetch.request().transform().decodes());
  }

  static List<String> childJavaOptions(String options, boolean given, boolean decodes) {
    if (options.isBlank()) {
      return List.of();
    }
    List<String> words = new ArrayList<>(Arrays.asList(options.trim().split("\\s+")));
    if (!given && decodes) {
      words.remove(C1_ONLY);
    }
    return words;
  }
}
