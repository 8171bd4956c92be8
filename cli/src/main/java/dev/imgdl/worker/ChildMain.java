package dev.imgdl.worker;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.logging.Logging;
import dev.imgdl.download.ChunkRunner;
import dev.imgdl.download.Fetcher;
import dev.imgdl.download.HostGate;
import dev.imgdl.download.LocalHostGate;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Task;
import dev.imgdl.worker.ChildShare.Chunk;
import dev.imgdl.worker.PipeMessage.Cancel;
import dev.imgdl.worker.PipeMessage.Deny;
import dev.imgdl.worker.PipeMessage.Done;
import dev.imgdl.worker.PipeMessage.End;
import dev.imgdl.worker.PipeMessage.Grant;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a process-mode child JVM. It reads its settings and chunks from standard
 * input, runs each chunk on a thread of its own through the same download core as thread mode,
 * and writes one result per line to standard output. It ends itself when standard input reaches
 * end of file, which is how it learns that its parent is gone, so no child outlives the parent.
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
    List<Chunk> chunks = readChunks(in, start.workers());
    RemoteHostGate remote = start.remoteGate() ? new RemoteHostGate(out) : null;
    HostGate gate = remote != null ? remote : LocalHostGate.of(0, 0);
    TempFiles temps = new TempFiles();
    Fetcher fetcher = Fetcher.create(settings, gate, temps, chunks.size());
    // abort, not deleteAll: a worker must not create a file between the sweep and the end.
    Runtime.getRuntime().addShutdownHook(new Thread(temps::abort, "imgdl-cleanup"));
    ChunkThreads threads = new ChunkThreads(new ChunkRunner(fetcher), out);
    Thread watcher =
        new Thread(() -> watchParent(in, fetcher, temps, remote, threads), "imgdl-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    threads.run(chunks, () -> cancelled);
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

  /**
   * The chunks of {@code workers}, in that order, up to the end line; a task for a worker not
   * named in the start line breaks the protocol.
   */
  private static List<Chunk> readChunks(BufferedReader in, List<Integer> workers)
      throws IOException {
    Map<Integer, List<Task>> tasks = new LinkedHashMap<>();
    workers.forEach(worker -> tasks.put(worker, new ArrayList<>()));
    for (ToChild m = read(in); !(m instanceof End); m = read(in)) {
      if (m instanceof TaskLine next) {
        List<Task> chunk = tasks.get(next.worker());
        if (chunk == null) {
          fail("a task for worker " + next.worker() + ", not one of " + workers);
          return List.of();
        }
        chunk.add(next.task());
      } else if (m instanceof Cancel) {
        // Interrupted before anything started: nothing to clean up, and the parent reports the
        // chunks as interrupted.
        Runtime.getRuntime().halt(0);
      } else {
        fail("expected a task, got " + kind(m));
      }
    }
    List<Chunk> chunks = new ArrayList<>();
    tasks.forEach((worker, chunk) -> chunks.add(new Chunk(worker, chunk)));
    return chunks;
  }

  /** Reads the parent's later messages; end of input means the parent is gone. */
  private static void watchParent(BufferedReader in, Fetcher fetcher, TempFiles temps,
      RemoteHostGate remote, ChunkThreads threads) {
    ToChild.Visitor later = new LaterLines(fetcher, remote, threads);
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
    private final ChunkThreads threads;

    LaterLines(Fetcher fetcher, RemoteHostGate remote, ChunkThreads threads) {
      this.fetcher = fetcher;
      this.remote = remote;
      this.threads = threads;
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
      // Cancels requests in flight, and wakes the workers from a wait between attempts.
      cancelled = true;
      fetcher.cancel();
      threads.interrupt();
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
