package dev.imgdl.cli.run;

import dev.imgdl.cli.output.Destination;
import dev.imgdl.cli.output.FilesDestination;
import dev.imgdl.cli.output.Placement;
import dev.imgdl.cli.output.ShardAssembler;
import dev.imgdl.cli.process.ProcessWorkers;
import dev.imgdl.cli.report.LiveConsole;
import dev.imgdl.cli.report.Outputs;
import dev.imgdl.cli.report.RunRecord;
import dev.imgdl.cli.settings.Mode;
import dev.imgdl.cli.settings.Settings;
import dev.imgdl.cli.worker.Collector;
import dev.imgdl.cli.worker.Memory;
import dev.imgdl.cli.worker.ThreadWorkers;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.cli.worker.Workers;
import dev.imgdl.core.download.ExistingTargets;
import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.input.Plan;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.source.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of imgdl, from the settings to the exit code: start the workers, plan the entries on
 * a thread of their own while the workers download what is dealt to them (the {@link Dealer}),
 * collect every result, then write the report and the failed file and print the summary. An
 * interrupt, at any moment, cancels what runs and still writes everything: unfinished entries
 * fail as {@code interrupted}, and when the input was not read to the end the report holds the
 * entries read so far. An input that turns out unreadable part way (bytes that are not UTF-8)
 * stops the run the same way, writes the report and the failed file of what was read, and is
 * then thrown: one {@code imgdl: error:} line and exit 2, without the summary. A throwable that
 * nothing expected on the planning thread, a worker or the collector (out of memory, a bug) does
 * the same as a {@link RunFailure}: one line, exit 1.
 */
public final class Run {
  private static final Logger log = LoggerFactory.getLogger(Run.class);

  /** How long an interrupted run waits for its workers to hand in what they have. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  private final Settings settings;
  private final PrintWriter err;
  private final PrintStream terminal;
  private final InputStream stdin;
  private volatile PlanningThread planning;
  /**
   * This run's temporary files (another run in this JVM has its own): the downloads', closed for
   * good once the workers are stopped, and the report's and failed file's, written after that.
   */
  private final TempFiles temps = new TempFiles();
  private final TempFiles outputTemps = new TempFiles();
  private final Outputs outputs;
  private volatile Workers workers;
  private volatile Destination destination;
  private volatile long interruptedAt;
  /** When the run began to stop: an interrupt, or an input that cannot be read. */
  private volatile long stoppingAt;
  private volatile RuntimeException inputFailure;

  public Run(Settings settings, InputStream stdin, PrintStream stdout, PrintWriter err,
      PrintStream terminal) {
    this.settings = settings;
    this.err = err;
    this.terminal = terminal;
    this.stdin = stdin;
    this.outputs = new Outputs(
        new Outputs.Files(settings.report(), settings.failed(), settings.junit(),
            settings.cookieJar()),
        settings.quiet(), settings.verbosity() > 0, stdout, err, outputTemps);
  }

  /** Asks the run to stop; safe from a signal handler, and returns at once. */
  public void interrupt() {
    if (interruptedAt == 0) {
      interruptedAt = System.nanoTime();
      stopping();
      PlanningThread p = planning;
      if (p != null) {
        p.stop();
      }
    }
  }

  /**
   * The input cannot be read, or a thread of the run died (a {@link RunFailure}): stop what
   * runs, as an interrupt does. The first cause is the one reported.
   */
  private void failed(RuntimeException e) {
    if (inputFailure == null) {
      inputFailure = e;
    }
    stopping();
  }

  private void stopping() {
    if (stoppingAt == 0) {
      stoppingAt = System.nanoTime();
    }
    Destination d = destination;
    if (d != null) {
      d.stop();
    }
    Workers w = workers;
    if (w != null) {
      w.cancel();
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
    outputTemps.abort();
    sweepTemporaryFiles();
  }

  /** Removes any temporary file of this run, a dead child's included; a check makes none. */
  private void sweepTemporaryFiles() {
    if (settings.check()) {
      return;
    }
    TempFiles.sweep(settings.output(), TempFiles.PREFIX + settings.fetch().runId() + "-");
  }

  public int execute() throws IOException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Collected collected = download(start);
    removeLeftovers();
    RunRecord record = record(collected, startedAt, start);
    Workers w = workers;
    boolean jarWritten = outputs.writeCookieJar(w == null ? List.of() : w.cookies());
    RuntimeException failure = inputFailure;
    if (failure != null && !interrupted()) {
      // One line for the bad input, no summary: the report says what was done before it.
      outputs.writeFiles(record);
      throw failure;
    }
    collected.console().close();
    boolean written = outputs.write(record, interrupted()) && jarWritten;
    return ExitCode.of(interrupted(), written, record.summary().successRatio(),
        settings.minSuccess());
  }

  /** What the workers handed in, every entry of the plan settled, and the console showing it. */
  private record Collected(Plan plan, Collector collector, LiveConsole console) {}

  /**
   * Starts the workers and the planning thread, collects every result until both have ended
   * (or the grace period of an interrupt is over), closes the workers, and settles what never
   * came back.
   */
  private Collected download(long start) throws IOException {
    Destination out = destination();
    BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
    Dealer dealer;
    Plan plan;
    Collector collector;
    LiveConsole console;
    try (Workers w = createWorkers()) {
      dealer = new Dealer(settings.workers(), out, w, events);
      PlanningThread p = new PlanningThread(stdin, settings.inputs(), settings.input(), dealer,
          new NamePlanner(settings.savedExtension()));
      out.planning(p.view());
      planning = p;
      console = new LiveConsole(p.view(),
          settings.progress() && !settings.quiet() && !interrupted(), settings.annotations(),
          err, terminal);
      collector = new Collector(settings.workers(), console::accept, out);
      workers = w;
      if (interrupted()) {
        p.stop();
        w.cancel();
      }
      int started = w.start(settings.workers(), events);
      p.start(e -> planningEnded(e, p, w, events, start));
      try {
        collect(collector, events, started);
      } finally {
        console.stopProgress();
      }
      plan = planned(p);
    }
    dealer.settle(plan, events, collector);
    return new Collected(plan, collector, console);
  }

  /** The planning thread's end: every entry dealt, or {@code e}, why it stopped. */
  private void planningEnded(RuntimeException e, PlanningThread p, Workers w,
      BlockingQueue<WorkerEvent> events, long start) {
    if (e != null) {
      failed(e);
      return;
    }
    // Before the end of tasks, so before any worker's exit: the collector sees it.
    events.add(new WorkerEvent.PlanningEnded(p.view().planned()));
    w.endOfTasks();
    log.info("{} entries planned in {} ms", p.view().planned(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
  }

  /** Removes the temporary files a stopped run or a dead child may have left. */
  private void removeLeftovers() {
    if (settings.layout().webdataset()) {
      // Downloads whose result never came (a child that died after its rename).
      TempFiles.sweep(settings.output(), TempFiles.PREFIX + settings.fetch().runId()
          + Placement.STAGE_MARK);
    }
    if (stoppingAt != 0) {
      // abort, not deleteAll: a worker past the grace period must not create a file afterwards.
      temps.abort();
      sweepTemporaryFiles();
    }
  }

  private RunRecord record(Collected collected, Instant startedAt, long start) {
    List<Result> results = collected.collector().results(collected.plan().size());
    return RunRecord.builder()
        .mode(settings.mode())
        .workers(settings.workers())
        .startedAt(startedAt)
        .seconds((System.nanoTime() - start) / 1e9)
        .entries(collected.plan().entries())
        .results(results)
        .workerStats(collected.collector().stats())
        .summary(Summary.of(results))
        .parentPeakRssBytes(Memory.peakRssBytes())
        .inputComplete(collected.plan().complete())
        .check(settings.check())
        .build();
  }


  /** The plan, or what was planned before the input turned out unreadable. */
  private Plan planned(PlanningThread p) {
    if (inputFailure == null) {
      try {
        return p.plan();
      } catch (InputException e) {
        // Read while an interrupt stopped the run: the interrupt decides the exit.
        inputFailure = e;
      }
    }
    return p.partial();
  }

  private void collect(Collector collector, BlockingQueue<WorkerEvent> events, int started) {
    try {
      collectUntilDone(collector, events, started);
      if (collector.broke() != null) {
        failed(RunFailure.of(collector.broke()));
      }
    } catch (RuntimeException | Error e) {
      // The collector itself broke: what it filed is still reported.
      failed(RunFailure.of(e));
    }
  }

  private void collectUntilDone(Collector collector, BlockingQueue<WorkerEvent> events,
      int started) {
    long step = TimeUnit.MILLISECONDS.toNanos(100);
    while (!collector.collect(events, started, System.nanoTime() + step)) {
      if (collector.broke() != null && stoppingAt == 0) {
        failed(RunFailure.of(collector.broke()));
      }
      long since = stoppingAt;
      if (since != 0 && System.nanoTime() - since > GRACE_NANOS) {
        // Drain what already arrived; what did not is reported as interrupted.
        collector.collect(events, started, System.nanoTime());
        return;
      }
    }
  }

  /**
   * Where the downloads go, made before planning starts: the output directory's one listing for
   * plain files (none with {@code --overwrite}, nor for a check, which skips nothing and never
   * looks at the directory), or the shard assembler of a webdataset run.
   */
  private Destination destination() throws IOException {
    Destination d = settings.check()
        ? new FilesDestination(new Placement(settings.layout(), settings.fetch().runId()), null)
        : settings.layout().webdataset()
        ? new ShardAssembler(settings.layout(), settings.output(), settings.fetch().runId(), temps,
            settings.overwrite(), settings.retryFailed())
        : new FilesDestination(new Placement(settings.layout(), settings.fetch().runId()),
            settings.overwrite() ? null : ExistingTargets.scan(settings.output()));
    destination = d;
    if (stoppingAt != 0) {
      d.stop();
    }
    return d;
  }

  private Workers createWorkers() {
    if (settings.mode() == Mode.PROCESS) {
      return new ProcessWorkers(settings, err);
    }
    Fetcher fetcher = Fetcher.create(settings.fetch(),
        LocalHostGate.of(settings.effectivePerHost(), settings.rate()), temps, settings.workers());
    return new ThreadWorkers(fetcher);
  }
}
