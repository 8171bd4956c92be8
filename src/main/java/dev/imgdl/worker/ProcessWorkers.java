package dev.imgdl.worker;

import dev.imgdl.config.Logging;
import dev.imgdl.config.Settings;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process mode: each chunk runs in a child JVM started from this JVM's own {@code java} and
 * class path, with no shell in between. One supervisor thread per child sends it the settings
 * and chunk, reads its results line by line into the collector's queue, and forwards its
 * standard error prefixed with the worker id. A child that dies has its unfinished entries run
 * again once in a new child; if that one dies too, they fail with the exit code.
 */
public final class ProcessWorkers implements Workers {
  private static final Logger log = LoggerFactory.getLogger(ProcessWorkers.class);
  private static final int LAUNCHES = 2;

  private final Settings settings;
  private final PrintWriter err;
  private final List<Thread> supervisors = new ArrayList<>();
  private final Map<Process, Writer> live = new ConcurrentHashMap<>();
  private final GateBroker broker;
  private final ClassDataSharing cds;
  private final java.util.concurrent.atomic.AtomicBoolean cdsDumpTaken =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile boolean cancelled;

  public ProcessWorkers(Settings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    boolean shared = settings.politenessLimited();
    this.cds = ClassDataSharing.forThisJvm(settings.childJvmOptions());
    this.broker =
        shared
            ? new GateBroker(LocalHostGate.of(settings.effectivePerHost(), settings.fetch().rate()))
            : null;
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
          log.warn("worker {} exited with code {}; running its {} unfinished entries again",
              worker, last.exitCode, unfinished.size());
        }
        last = runChild(worker, unfinished, events);
      }
    } finally {
      String reason =
          cancelled || last == null
              ? "interrupted"
              : "worker " + worker + " exited with code " + last.exitCode;
      for (Task task : unfinished.values()) {
        events.add(new WorkerEvent.Finished(Result.failed(task.index(), worker, reason)));
      }
      long pid = last == null ? 0 : last.pid;
      long rss = last == null ? 0 : last.peakRss;
      events.add(new WorkerEvent.Exited(worker, pid, rss, (System.nanoTime() - start) / 1e9));
    }
  }

  /** The end of one child: its pid, exit code and reported peak memory. */
  private record ChildRun(long pid, int exitCode, long peakRss) {}

  private ChildRun runChild(int worker, Map<Integer, Task> unfinished,
      BlockingQueue<WorkerEvent> events) {
    Process process;
    Path[] dumpTo = new Path[1];
    try {
      List<String> options = new ArrayList<>(settings.childJvmOptions());
      if (cds != null) {
        options.addAll(cds.options(!cdsDumpTaken.getAndSet(true), dumpTo));
      }
      process = new ProcessBuilder(ChildCommand.of(options)).start();
    } catch (IOException e) {
      log.error("worker {}: cannot start a child JVM: {}", worker, e.getMessage());
      return new ChildRun(0, -1, 0);
    }
    Thread stderr = ChildLog.forward(worker, process, err);
    Writer toChild =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    long peakRss = 0;
    try {
      Wire.send(toChild, Message.start(worker, settings.fetch(),
          Logging.levelFor(settings.verbosity(), settings.quiet()), broker != null), false);
      for (Task task : unfinished.values()) {
        Wire.send(toChild, Message.task(task), false);
      }
      Wire.send(toChild, Message.of("end"));
      live.put(process, toChild);
      if (cancelled) {
        Wire.send(toChild, Message.of("cancel"));
      }
      peakRss = readResults(worker, process, toChild, unfinished, events);
    } catch (IOException e) {
      log.debug("worker {}: pipe closed: {}", worker, e.getMessage());
    }
    live.putIfAbsent(process, toChild);
    int code = waitFor(process);
    if (dumpTo[0] != null) {
      cds.publish(dumpTo[0], code);
    }
    join(stderr);
    live.remove(process);
    if (broker != null) {
      broker.releaseAll(worker);
    }
    TempFiles.sweep(Path.of(settings.fetch().outputDir()),
        TempFiles.prefix(settings.fetch().runId(), worker));
    try {
      toChild.close();
    } catch (IOException ignored) {
      // The child is gone.
    }
    return new ChildRun(process.pid(), code, peakRss);
  }

  /** Reads the child's standard output until it ends; returns the peak RSS it reported. */
  private long readResults(int worker, Process process, Writer toChild,
      Map<Integer, Task> unfinished, BlockingQueue<WorkerEvent> events) throws IOException {
    long peakRss = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line; (line = in.readLine()) != null; ) {
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
          case "acquire" -> broker.acquire(worker, m, toChild);
          case "release" -> broker.release(worker, m.id());
          case "done" -> {
            peakRss = m.peakRss() == null ? 0 : m.peakRss();
            // End of the child's input tells it that it may exit now.
            synchronized (toChild) {
              toChild.close();
            }
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

  @Override
  public void cancel() {
    cancelled = true;
    live.forEach(
        (process, toChild) -> {
          try {
            Wire.send(toChild, Message.of("cancel"));
          } catch (IOException e) {
            process.destroy();
          }
        });
  }

  @Override
  public void close() {
    // SIGTERM first, so that children remove their temporary files; SIGKILL what is left.
    live.keySet().forEach(Process::destroy);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
    for (Process p : live.keySet()) {
      try {
        p.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    if (broker != null) {
      broker.close();
    }
  }
}
