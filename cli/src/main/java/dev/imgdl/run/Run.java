package dev.imgdl.run;

import dev.imgdl.settings.Mode;
import dev.imgdl.settings.Settings;
import dev.imgdl.download.ExistingTargets;
import dev.imgdl.download.Fetcher;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Plan;
import dev.imgdl.input.Planner;
import dev.imgdl.input.Task;
import dev.imgdl.report.LiveConsole;
import dev.imgdl.report.Outputs;
import dev.imgdl.report.RunRecord;
import dev.imgdl.shards.Placement;
import dev.imgdl.shards.ShardAssembler;
import dev.imgdl.result.Result;
import dev.imgdl.result.Summary;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
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

  /** How long an interrupted run waits for its workers to hand in what they have. */
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

  private final Settings settings;
  private final PrintWriter err;
  private final PrintStream terminal;
  private final PlanningThread planning;
  /**
   * This run's temporary files (another run in this JVM has its own): the downloads', closed for
   * good once the workers are stopped, and the report's and failed file's, written after that.
   */
  private final TempFiles temps = new TempFiles();
  private final TempFiles outputTemps = new TempFiles();
  private final Outputs outputs;
  private volatile Workers workers;
  private volatile ShardAssembler shards;
  private volatile long interruptedAt;

  public Run(Settings settings, InputStream stdin, PrintStream stdout, PrintWriter err,
      PrintStream terminal) {
    this.settings = settings;
    this.err = err;
    this.terminal = terminal;
    this.planning = new PlanningThread(stdin, settings.inputs());
    this.outputs =
        new Outputs(settings.report(), settings.failed(), settings.quiet(), stdout, err,
            outputTemps);
  }

  /** Asks the run to stop; safe from a signal handler, and returns at once. */
  public void interrupt() {
    if (interruptedAt == 0) {
      interruptedAt = System.nanoTime();
      planning.stop();
      ShardAssembler assembler = shards;
      if (assembler != null) {
        assembler.stop();
      }
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
    outputTemps.abort();
    sweepTemporaryFiles();
  }

  /** Removes any temporary file of this run, a dead child's included. */
  private void sweepTemporaryFiles() {
    TempFiles.sweep(settings.output(), TempFiles.PREFIX + settings.fetch().runId() + "-");
  }

  public int execute() throws IOException {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Plan plan = planning.plan();
    log.info("{} entries planned in {} ms: {} to download", plan.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), plan.tasks().size());
    LiveConsole console = new LiveConsole(plan,
        settings.progress() && !settings.quiet() && !interrupted(), err, terminal);
    List<Task> tasks = Placement.place(plan.tasks(), settings.layout(), settings.fetch().runId());
    List<List<Task>> chunks = Planner.chunk(tasks, settings.workers());
    Collector collector = collector(plan, console);
    try {
      if (!interrupted()) {
        download(plan, chunks, collector);
      }
    } finally {
      console.stopProgress();
    }
    settleUnfinished(chunks, collector);
    if (shards != null) {
      // Downloads whose result never came (a child that died after its rename).
      TempFiles.sweep(settings.output(), TempFiles.PREFIX + settings.fetch().runId()
          + Placement.STAGE_MARK);
    }
    if (interrupted()) {
      // abort, not deleteAll: a worker past the grace period must not create a file afterwards.
      temps.abort();
      sweepTemporaryFiles();
    }
    List<Result> results = collector.results();
    RunRecord record =
        new RunRecord(settings.mode(), settings.workers(), startedAt,
            (System.nanoTime() - start) / 1e9, plan.entries(), results, collector.stats(),
            Summary.of(results), Memory.peakRssBytes(), plan.complete());
    console.close();
    boolean written = outputs.write(record, interrupted());
    return ExitCode.of(interrupted(), written, record.summary().successRatio(),
        settings.minSuccess());
  }

  private void download(Plan plan, List<List<Task>> chunks, Collector collector)
      throws IOException {
    try (Workers w = createWorkers(plan)) {
      workers = w;
      if (interrupted()) {
        w.cancel();
      }
      BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
      List<List<Task>> left = shards != null
          ? shards.start(chunks, plan.decided(), r -> collector.accept(new WorkerEvent.Finished(r)))
          : settings.overwrite() ? chunks : skipExisting(chunks, collector);
      int started = w.start(left, events);
      collect(collector, events, started);
    }
  }

  /** The collector; for webdataset, holding each download until its shard is written. */
  private Collector collector(Plan plan, LiveConsole console) {
    if (!settings.layout().webdataset()) {
      return new Collector(plan.decided(), settings.workers(), console::accept);
    }
    ShardAssembler assembler = new ShardAssembler(settings.layout(), settings.output(),
        settings.fetch().runId(), temps, plan.entries(), plan.complete(), settings.overwrite());
    shards = assembler;
    if (interrupted()) {
      assembler.stop();
    }
    return new Collector(plan.decided(), settings.workers(), console::accept, assembler::settle);
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
   * Settles the entries whose target already exists before any worker starts, and returns the
   * chunks of what is left to download.
   */
  private List<List<Task>> skipExisting(List<List<Task>> chunks, Collector collector)
      throws IOException {
    ExistingTargets.ChunksLeft left = ExistingTargets.scan(settings.output()).skip(chunks);
    left.skipped().forEach(r -> collector.accept(new WorkerEvent.Finished(r)));
    return left.chunks();
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
        LocalHostGate.of(settings.effectivePerHost(), settings.rate()), temps, parallelism);
    return new ThreadWorkers(fetcher);
  }
}
