package dev.imgdl.worker;

import dev.imgdl.logging.Logging;
import dev.imgdl.settings.Settings;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.worker.PipeMessage.Cancel;
import dev.imgdl.worker.PipeMessage.End;
import dev.imgdl.worker.PipeMessage.Start;
import dev.imgdl.worker.PipeMessage.TaskLine;
import dev.imgdl.worker.PipeMessage.ToChild;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process mode: each chunk runs in a child JVM that the {@link ChildLauncher} starts. One
 * supervisor thread per chunk hands its child the settings and chunk, has a {@link ChildReader}
 * route the child's lines, and forwards its standard error prefixed with the worker id. A child
 * that dies, or that the {@link Watchdog} finds silent for too long, has its unfinished entries
 * run again as the {@link RelaunchPolicy} says. Every child is known from the moment it is
 * spawned, so that {@link #close} ends it whatever it is doing.
 */
public final class ProcessWorkers implements Workers {
  private static final Logger log = LoggerFactory.getLogger(ProcessWorkers.class);
  /** A dead child's unfinished entries run again once. */
  private static final RelaunchPolicy RELAUNCH = new RelaunchPolicy(2);
  private static final long TERM_GRACE_MILLIS = 500;

  private final Settings settings;
  private final PrintWriter err;
  private final List<Thread> supervisors = new ArrayList<>();
  private final Set<ChildProcess> live = ConcurrentHashMap.newKeySet();
  private final GateBroker broker;
  private final ChildLauncher launcher;
  private final Watchdog watchdog;
  private volatile boolean cancelled;
  private volatile boolean closed;

  public ProcessWorkers(Settings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    this.launcher = ChildLauncher.forThisJvm(settings.childJvmOptions());
    this.broker =
        settings.politenessLimited()
            ? new GateBroker(LocalHostGate.of(settings.effectivePerHost(), settings.rate()))
            : null;
    this.watchdog = new Watchdog(settings.fetch().deadlineMillis(), () -> live);
  }

  @Override
  public int start(List<List<Task>> chunks, BlockingQueue<WorkerEvent> events) {
    supervisors.addAll(Workers.threadPerChunk(chunks, "imgdl-child-",
        (worker, chunk) -> supervise(worker, chunk, events)));
    return supervisors.size();
  }

  private void supervise(int worker, List<Task> chunk, BlockingQueue<WorkerEvent> events) {
    long start = System.nanoTime();
    Map<Integer, Task> unfinished = new LinkedHashMap<>();
    chunk.forEach(t -> unfinished.put(t.index(), t));
    ChildRun last = null;
    try {
      for (int launched = 0; RELAUNCH.launchAgain(launched, unfinished.size(), cancelled);
          launched++) {
        if (last != null) {
          log.warn("{}; running its {} unfinished entries again", last.failure(),
              unfinished.size());
        }
        last = runChild(worker, unfinished, events);
      }
    } finally {
      // After a cancel, what has no result is left to the run, which reports it as interrupted.
      String reason = RELAUNCH.failure(cancelled, last == null ? null : last.failure());
      if (reason != null) {
        for (Task task : unfinished.values()) {
          events.add(new WorkerEvent.Finished(Result.failed(task.index(), worker, reason)));
        }
      }
      long pid = last == null ? 0 : last.pid;
      long rss = last == null ? 0 : last.peakRss;
      events.add(new WorkerEvent.Exited(worker, pid, rss, (System.nanoTime() - start) / 1e9));
    }
  }

  /** The end of one child: its pid, why its unfinished entries failed, its peak memory. */
  private record ChildRun(long pid, String failure, long peakRss) {}

  private ChildRun runChild(int worker, Map<Integer, Task> unfinished,
      BlockingQueue<WorkerEvent> events) {
    ChildProcess child;
    try {
      child = launcher.spawn(worker);
    } catch (IOException e) {
      log.error("worker {}: cannot start a child JVM: {}", worker, e.getMessage());
      return new ChildRun(0, "worker " + worker + " could not start: " + e.getMessage(), 0);
    }
    live.add(child);
    log.info("worker {}: child JVM {} started for {} entries", worker, child.process().pid(),
        unfinished.size());
    if (closed) {
      // close() ran while this child was being spawned and did not see it.
      child.kill();
    }
    Process process = child.process();
    Thread stderr = ChildLog.forward(worker, process, err);
    long peakRss = 0;
    try {
      handOver(child, unfinished.values());
      peakRss = new ChildReader(worker, child.input(), broker, unfinished, events)
          .read(process.getInputStream(), child::heard);
    } catch (IOException e) {
      log.debug("worker {}: pipe closed: {}", worker, e.getMessage());
    }
    int code = waitFor(process);
    launcher.exited(child, code);
    join(stderr);
    live.remove(child);
    if (broker != null) {
      broker.releaseAll(worker);
    }
    TempFiles.sweep(Path.of(settings.fetch().outputDir()),
        TempFiles.prefix(settings.fetch().runId(), worker));
    child.closeInput();
    log.info("worker {}: child JVM {} exited with code {}", worker, process.pid(), code);
    return new ChildRun(process.pid(), child.failure(code), peakRss);
  }

  /** Sends the settings and the chunk in one batch. */
  private void handOver(ChildProcess child, Collection<Task> chunk) throws IOException {
    PipeWriter<ToChild> input = child.input();
    input.queue(new Start(child.worker(), settings.fetch(),
        Logging.levelFor(settings.verbosity(), settings.quiet()), broker != null));
    for (Task task : chunk) {
      input.queue(new TaskLine(task));
    }
    input.send(new End());
    if (cancelled) {
      child.sendLater(new Cancel());
    }
  }

  private static int waitFor(Process process) {
    while (true) {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
  }

  private static void join(Thread t) {
    try {
      t.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Tells every child to stop; never blocks, since it runs on a signal handler's thread. */
  @Override
  public void cancel() {
    cancelled = true;
    live.forEach(child -> child.sendLater(new Cancel()));
  }

  /**
   * Ends every child, whatever its state: SIGTERM first, so that a child removes its temporary
   * files; SIGKILL for what is left shortly after, which also ends a stopped child.
   */
  @Override
  public void close() {
    closed = true;
    watchdog.close();
    live.forEach(child -> child.process().destroy());
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TERM_GRACE_MILLIS);
    for (ChildProcess child : live) {
      try {
        child.process().waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      child.kill();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
