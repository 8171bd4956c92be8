package dev.imgdl.run;

import dev.imgdl.settings.Mode;
import dev.imgdl.settings.Settings;
import dev.imgdl.download.ExistingTargets;
import dev.imgdl.download.Fetcher;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.InputReader;
import dev.imgdl.input.Plan;
import dev.imgdl.input.Planner;
import dev.imgdl.input.Task;
import dev.imgdl.report.FailedList;
import dev.imgdl.report.FailureLines;
import dev.imgdl.report.ProgressDisplay;
import dev.imgdl.report.ReportWriter;
import dev.imgdl.report.RunRecord;
import dev.imgdl.report.SummaryPrinter;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import dev.imgdl.result.Summary;
import dev.imgdl.text.ConsoleText;
import dev.imgdl.worker.Collector;
import dev.imgdl.worker.Memory;
import dev.imgdl.worker.ProcessWorkers;
import dev.imgdl.worker.ThreadWorkers;
import dev.imgdl.worker.WorkerEvent;
import dev.imgdl.worker.Workers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of imgdl, from the settings to the exit code: plan the entries, start the workers,
 * collect every result, then write the report and the failed file and print the summary. An
 * interrupt, at any moment, cancels what runs and still writes everything: unfinished entries
 * fail as {@code interrupted}, and when the input was not read to the end the report holds the
 * entries read so far.
 */
public final class Run {
  private static final Logger log = LoggerFactory.getLogger(Run.class);
  public static final int EXIT_OK = 0;
  public static final int EXIT_BELOW_THRESHOLD = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_INTERRUPTED = 130;

  /** How long an interrupted run waits for its workers to hand in what they have. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  private final Settings settings;
  private final InputStream stdin;
  private final PrintStream stdout;
  private final PrintWriter err;
  private final PrintStream terminal;
  /** Completed by the planner thread with the plan, or with null by an interrupt. */
  private final CompletableFuture<Plan> planned = new CompletableFuture<>();
  private final FailureLines failures;
  /** This run's temporary files: another run in this JVM has its own. */
  private final TempFiles temps = new TempFiles();
  private volatile Workers workers;
  private volatile long interruptedAt;

  public Run(Settings settings, InputStream stdin, PrintStream stdout, PrintWriter err,
      PrintStream terminal) {
    this.settings = settings;
    this.stdin = stdin;
    this.stdout = stdout;
    this.err = err;
    this.terminal = terminal;
    this.failures = new FailureLines(err, terminal);
  }

  /** Asks the run to stop; safe from a signal handler, and returns at once. */
  public void interrupt() {
    if (interruptedAt == 0) {
      interruptedAt = System.nanoTime();
      planned.complete(null);
      Workers w = workers;
      if (w != null) {
        w.cancel();
      }
    }
  }

  private boolean interrupted() {
    return interruptedAt != 0;
  }

  /** Ends child processes and removes temporary files now: the second-interrupt path. */
  public void abort() {
    Workers w = workers;
    if (w != null) {
      w.close();
    }
    temps.abort();
    sweepTemporaryFiles();
  }

  /** Removes any temporary file of this run, a dead child's included. */
  private void sweepTemporaryFiles() {
    TempFiles.sweep(settings.output(), TempFiles.PREFIX + settings.fetch().runId() + "-");
  }

  public int execute() throws IOException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Plan plan = plan();
    log.info("{} entries planned in {} ms: {} to download", plan.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), plan.tasks().size());
    printInvalid(plan);
    List<List<Task>> chunks = Planner.chunk(plan.tasks(), settings.workers());
    ProgressDisplay progress =
        settings.progress() && !settings.quiet() && !interrupted()
            ? new ProgressDisplay(plan.size(), terminal)
            : null;
    if (progress != null) {
      progress.advance(plan.size() - plan.tasks().size());
    }
    Collector collector =
        new Collector(plan.decided(), settings.workers(), r -> onResult(plan, r, progress));
    try {
      if (!interrupted()) {
        download(plan, chunks, collector);
      }
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    settleUnfinished(chunks, collector);
    if (interrupted()) {
      temps.deleteAll();
      sweepTemporaryFiles();
    }
    List<Result> results = collector.results();
    RunRecord record =
        new RunRecord(settings.mode(), settings.workers(), startedAt,
            (System.nanoTime() - start) / 1e9, plan.entries(), results, collector.stats(),
            Summary.of(results), Memory.peakRssBytes(), plan.complete());
    boolean written = writeOutputs(record, interrupted());
    if (interrupted()) {
      return EXIT_INTERRUPTED;
    }
    if (!written) {
      return EXIT_BELOW_THRESHOLD;
    }
    return record.summary().successRatio() >= settings.minSuccess()
        ? EXIT_OK
        : EXIT_BELOW_THRESHOLD;
  }

  /**
   * Plans on a thread of its own, since a read from standard input cannot be interrupted: an
   * interrupt takes what was planned so far and leaves that thread behind, blocked or not.
   */
  private Plan plan() {
    Planner planner = new Planner(new InputReader(stdin));
    Thread thread = new Thread(() -> {
      try {
        planned.complete(planner.plan(settings.inputs()));
      } catch (RuntimeException | Error e) {
        planned.completeExceptionally(e);
      }
    }, "imgdl-planner");
    thread.setDaemon(true);
    thread.start();
    Plan plan;
    try {
      plan = planned.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    return plan != null ? plan : planner.stop();
  }

  private void download(Plan plan, List<List<Task>> chunks, Collector collector)
      throws IOException {
    try (Workers w = createWorkers(plan)) {
      workers = w;
      if (interrupted()) {
        w.cancel();
      }
      BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
      List<List<Task>> left = settings.overwrite() ? chunks : skipExisting(chunks, collector);
      int started = w.start(left, events);
      collect(collector, events, started);
    }
  }

  /**
   * Fails the entries that have no result, because an interrupt came first, as {@code
   * interrupted}, each for the worker whose chunk it was dealt to: the one place that settles an
   * entry no worker ran, whichever the mode.
   */
  private static void settleUnfinished(List<List<Task>> chunks, Collector collector) {
    for (int worker = 0; worker < chunks.size(); worker++) {
      for (Task task : chunks.get(worker)) {
        if (!collector.settled(task.index())) {
          collector.accept(new WorkerEvent.Finished(Result.interrupted(task.index(), worker)));
        }
      }
    }
  }

  /**
   * Settles the entries whose target already exists before any worker starts, each for the
   * worker whose chunk it was dealt to, and returns the chunks of what is left to download.
   */
  private List<List<Task>> skipExisting(List<List<Task>> chunks, Collector collector)
      throws IOException {
    ExistingTargets existing = ExistingTargets.scan(settings.output());
    List<List<Task>> left = new ArrayList<>(chunks.size());
    for (int worker = 0; worker < chunks.size(); worker++) {
      List<Task> chunk = new ArrayList<>();
      for (Task task : chunks.get(worker)) {
        Path found = existing.find(task.name());
        if (found == null) {
          chunk.add(task);
        } else {
          Result skipped = ExistingTargets.skipped(task.index(), worker, found, 0);
          collector.accept(new WorkerEvent.Finished(skipped));
        }
      }
      left.add(chunk);
    }
    return left;
  }

  private void collect(Collector collector, BlockingQueue<WorkerEvent> events, int started) {
    long step = TimeUnit.MILLISECONDS.toNanos(100);
    while (!collector.collect(events, started, System.nanoTime() + step)) {
      long since = interruptedAt;
      if (since != 0 && System.nanoTime() - since > GRACE_NANOS) {
        // Drain what already arrived; what did not is reported as interrupted.
        collector.collect(events, started, System.nanoTime());
        return;
      }
    }
  }

  private Workers createWorkers(Plan plan) {
    if (settings.mode() == Mode.PROCESS) {
      return new ProcessWorkers(settings, err);
    }
    int parallelism = Math.min(settings.workers(), Math.max(1, plan.tasks().size()));
    Fetcher fetcher = Fetcher.create(settings.fetch(),
        LocalHostGate.of(settings.effectivePerHost(), settings.fetch().rate()), temps, parallelism);
    return new ThreadWorkers(fetcher);
  }

  private void onResult(Plan plan, Result result, ProgressDisplay progress) {
    if (result.status() == Status.FAILED) {
      failures.add(plan.entries().get(result.index()), result, progress);
    }
    if (progress != null) {
      progress.update(result);
    }
  }

  private void printInvalid(Plan plan) {
    for (Result r : plan.decided()) {
      if (r != null && r.status() == Status.INVALID) {
        failures.add(plan.entries().get(r.index()), r, null);
      }
    }
  }

  /**
   * Closes the failure lines, writes the report and the failed file, each even when the other
   * cannot be written, and prints the summary. Returns whether both files were written.
   */
  private boolean writeOutputs(RunRecord record, boolean interrupted) {
    failures.close();
    boolean written = true;
    if (settings.report() != null) {
      try {
        if (settings.reportToStdout()) {
          ReportWriter.writeToStandardOutput(record, stdout);
        } else {
          ReportWriter.write(record, Path.of(settings.report()), temps);
        }
      } catch (IOException e) {
        written = false;
        String where = settings.reportToStdout() ? "to standard output" : settings.report();
        cannotWrite("report " + where, e);
      }
    }
    if (settings.failed() != null) {
      try {
        FailedList.write(settings.failed(), record.entries(), record.results(), temps);
      } catch (IOException e) {
        written = false;
        cannotWrite("failed list " + settings.failed(), e);
      }
    }
    if (!settings.quiet()) {
      SummaryPrinter.print(record, interrupted, err);
    }
    return written;
  }

  private void cannotWrite(String what, IOException e) {
    err.println("imgdl: error: cannot write " + ConsoleText.safe(what) + ": "
        + ConsoleText.safe(e.getMessage()));
    err.flush();
  }
}
