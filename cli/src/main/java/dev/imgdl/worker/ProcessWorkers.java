package dev.imgdl.worker;

import dev.imgdl.logging.Logging;
import dev.imgdl.settings.Settings;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process mode: each chunk runs in a child JVM started from this JVM's own {@code java} and
 * class path, with no shell in between. One supervisor thread per child sends it the settings
 * and chunk, reads its results line by line into the collector's queue, and forwards its
 * standard error prefixed with the worker id. A child that dies, or that the {@link Watchdog}
 * finds silent for too long, has its unfinished entries run again once in a new child; if that
 * one dies too, they fail with the reason. Every child is known from the moment it is spawned,
 * so that {@link #close} ends it whatever it is doing.
 */
public final class ProcessWorkers implements Workers {
  private static final Logger log = LoggerFactory.getLogger(ProcessWorkers.class);
  private static final int LAUNCHES = 2;
  private static final long TERM_GRACE_MILLIS = 500;

  private final Settings settings;
  private final PrintWriter err;
  private final List<Thread> supervisors = new ArrayList<>();
  private final Set<ChildProcess> live = ConcurrentHashMap.newKeySet();
  private final GateBroker broker;
  private final ClassDataSharing cds;
  private final AtomicBoolean cdsDumpTaken = new AtomicBoolean();
  private final Watchdog watchdog;
  private volatile boolean cancelled;
  private volatile boolean closed;

  public ProcessWorkers(Settings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    this.cds = ClassDataSharing.forThisJvm(settings.childJvmOptions());
    this.broker =
        settings.politenessLimited()
            ? new GateBroker(LocalHostGate.of(settings.effectivePerHost(), settings.fetch().rate()))
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
      for (int launch = 1; launch <= LAUNCHES && !unfinished.isEmpty() && !cancelled; launch++) {
        if (launch > 1) {
          log.warn("{}; running its {} unfinished entries again", last.failure(),
              unfinished.size());
        }
        last = runChild(worker, unfinished, events);
      }
    } finally {
      // After a cancel, what has no result is left to the run, which reports it as interrupted.
      if (!cancelled && last != null) {
        for (Task task : unfinished.values()) {
          events.add(new WorkerEvent.Finished(
              Result.failed(task.index(), worker, last.failure())));
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
    Path[] dumpTo = new Path[1];
    ChildProcess child;
    try {
      List<String> options = new ArrayList<>(settings.childJvmOptions());
      if (cds != null) {
        options.addAll(cds.options(!cdsDumpTaken.getAndSet(true), dumpTo));
      }
      child = new ChildProcess(worker, new ProcessBuilder(ChildCommand.of(options)).start());
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
      Wire.send(child.input(), Message.start(worker, settings.fetch(),
          Logging.levelFor(settings.verbosity(), settings.quiet()), broker != null), false);
      for (Task task : unfinished.values()) {
        Wire.send(child.input(), Message.task(task), false);
      }
      Wire.send(child.input(), Message.of("end"));
      if (cancelled) {
        child.sendLater(Message.of("cancel"));
      }
      peakRss = readResults(child, unfinished, events);
    } catch (IOException e) {
      log.debug("worker {}: pipe closed: {}", worker, e.getMessage());
    }
    int code = waitFor(process);
    if (dumpTo[0] != null) {
      cds.publish(dumpTo[0], code);
    }
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

  /** Reads the child's standard output until it ends; returns the peak RSS it reported. */
  private long readResults(ChildProcess child, Map<Integer, Task> unfinished,
      BlockingQueue<WorkerEvent> events) throws IOException {
    int worker = child.worker();
    long peakRss = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line; (line = in.readLine()) != null; ) {
        child.heard();
        Message m;
        try {
          m = Wire.parse(line);
        } catch (IOException e) {
          log.error("worker {} wrote a line that is not a result: {}", worker, e.getMessage());
          continue;
        }
        switch (m.type()) {
          case "result" -> {
            Result r = m.result();
            if (r != null && unfinished.remove(r.index()) != null) {
              events.add(new WorkerEvent.Finished(r));
            }
          }
          case "acquire" -> broker.acquire(worker, m, child.input());
          case "started" -> broker.started(worker, m.id());
          case "release" -> broker.release(worker, m.id());
          case "done" -> {
            peakRss = m.peakRss() == null ? 0 : m.peakRss();
            // End of the child's input tells it that it may exit now.
            child.closeInput();
          }
          default -> log.error("worker {} sent an unknown message: {}", worker, m.type());
        }
      }
    }
    return peakRss;
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
    live.forEach(child -> child.sendLater(Message.of("cancel")));
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
