package dev.imgdl.worker;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.logging.Logging;
import dev.imgdl.download.ChunkRunner;
import dev.imgdl.download.Fetcher;
import dev.imgdl.download.HostGate;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.worker.PipeMessage.Cancel;
import dev.imgdl.worker.PipeMessage.Deny;
import dev.imgdl.worker.PipeMessage.Done;
import dev.imgdl.worker.PipeMessage.End;
import dev.imgdl.worker.PipeMessage.Grant;
import dev.imgdl.worker.PipeMessage.ResultLine;
import dev.imgdl.worker.PipeMessage.Start;
import dev.imgdl.worker.PipeMessage.TaskLine;
import dev.imgdl.worker.PipeMessage.ToChild;
import dev.imgdl.worker.PipeMessage.ToParent;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a process-mode child JVM. It reads its settings and chunk from standard
 * input, runs the chunk through the same download core as thread mode, and writes one result per
 * line to standard output. It ends itself when standard input reaches end of file, which is how
 * it learns that its parent is gone, so no child outlives the parent.
 */
public final class ChildMain {
  private static final Logger log = LoggerFactory.getLogger(ChildMain.class);
  private static final int EXIT_PROTOCOL = 3;
  private static final int EXIT_ORPHANED = 4;

  /** Set once every result and the done line are written. */
  private static volatile boolean finished;

  /** Set by the parent's cancel: the chunk runner takes no new entry. */
  private static volatile boolean cancelled;

  private ChildMain() {}

  public static void main(String[] args) throws IOException {
    PipeWriter<ToParent> out =
        new PipeWriter<>(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    // Standard output carries results only: anything else printed by accident goes to stderr.
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    ToChild first = read(in);
    if (!(first instanceof Start start)) {
      fail("expected a start message, got " + kind(first));
      return;
    }
    Logging.setLevel(start.logLevel());
    FetchSettings settings = start.settings();
    int worker = start.worker();
    List<Task> tasks = readChunk(in);
    RemoteHostGate remote = start.remoteGate() ? new RemoteHostGate(out) : null;
    HostGate gate = remote != null ? remote : LocalHostGate.of(0, 0);
    TempFiles temps = new TempFiles();
    Fetcher fetcher = Fetcher.create(settings, gate, temps, 1);
    // abort, not deleteAll: the worker must not create a file between the sweep and the end.
    Runtime.getRuntime().addShutdownHook(new Thread(temps::abort, "imgdl-cleanup"));
    Thread main = Thread.currentThread();
    Thread watcher =
        new Thread(() -> watchParent(in, fetcher, temps, remote, main), "imgdl-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    try {
      new ChunkRunner(fetcher).run(worker, tasks, () -> cancelled,
          result -> sendResult(out, result));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    finished = true;
    out.send(new Done(ProcessHandle.current().pid(), Memory.peakRssBytes()));
    // The parent answers "done" by closing our stdin, and the watcher then halts the JVM. Halting
    // here while the watcher is blocked reading stdin would make the JVM wait a third of a second
    // for it; the bound covers a parent that never closes.
    try {
      watcher.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(0);
  }

  /** The chunk, up to its end line. */
  private static List<Task> readChunk(BufferedReader in) throws IOException {
    List<Task> tasks = new ArrayList<>();
    for (ToChild m = read(in); !(m instanceof End); m = read(in)) {
      if (m instanceof TaskLine next) {
        tasks.add(next.task());
      } else if (m instanceof Cancel) {
        // Interrupted before anything started: nothing to clean up, and the parent reports the
        // chunk as interrupted.
        Runtime.getRuntime().halt(0);
      } else {
        fail("expected a task, got " + kind(m));
      }
    }
    return tasks;
  }

  /** Reads the parent's later messages; end of input means the parent is gone. */
  private static void watchParent(BufferedReader in, Fetcher fetcher, TempFiles temps,
      RemoteHostGate remote, Thread main) {
    ToChild.Visitor later = new LaterLines(fetcher, remote, main);
    try {
      for (String line; (line = in.readLine()) != null; ) {
        PipeCodec.parse(line, ToChild.class).accept(later);
      }
    } catch (IOException e) {
      log.warn("reading from the parent failed: {}", e.getMessage());
    }
    if (finished) {
      Runtime.getRuntime().halt(0);
    }
    fetcher.cancel();
    temps.abort();
    Runtime.getRuntime().halt(EXIT_ORPHANED);
  }

  /** The chunk runner's sink: a pipe that breaks ends the chunk. */
  private static void sendResult(PipeWriter<ToParent> out, Result result) {
    try {
      out.send(new ResultLine(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ToChild read(BufferedReader in) throws IOException {
    String line = in.readLine();
    if (line == null) {
      // The parent went away before handing over the chunk.
      Runtime.getRuntime().halt(EXIT_ORPHANED);
    }
    return PipeCodec.parse(line, ToChild.class);
  }

  private static String kind(ToChild m) {
    return m.getClass().getSimpleName();
  }

  /** What the parent sends once the chunk is handed over: answers to acquires, and cancel. */
  private static final class LaterLines implements ToChild.Visitor {
    private final Fetcher fetcher;
    private final RemoteHostGate remote;
    private final Thread main;

    LaterLines(Fetcher fetcher, RemoteHostGate remote, Thread main) {
      this.fetcher = fetcher;
      this.remote = remote;
      this.main = main;
    }

    @Override
    public void grant(Grant m) {
      if (remote != null) {
        remote.answer(m.id(), true);
      }
    }

    @Override
    public void deny(Deny m) {
      if (remote != null) {
        remote.answer(m.id(), false);
      }
    }

    @Override
    public void cancel(Cancel m) {
      // Cancels requests in flight, and wakes the worker from a wait between attempts.
      cancelled = true;
      fetcher.cancel();
      main.interrupt();
    }

    @Override
    public void start(Start m) {
      ignore(m);
    }

    @Override
    public void task(TaskLine m) {
      ignore(m);
    }

    @Override
    public void end(End m) {
      ignore(m);
    }

    private static void ignore(ToChild m) {
      log.warn("ignoring a {} message from the parent", kind(m));
    }
  }

  private static void fail(String why) {
    System.err.println("imgdl child: " + why);
    System.exit(EXIT_PROTOCOL);
  }
}
