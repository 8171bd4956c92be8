package dev.imgdl.cli.process.child;

import dev.imgdl.cli.logging.Logging;
import dev.imgdl.cli.process.pipe.PipeCodec;
import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.BytesGrant;
import dev.imgdl.cli.process.pipe.PipeMessage.Cancel;
import dev.imgdl.cli.process.pipe.PipeMessage.Deny;
import dev.imgdl.cli.process.pipe.PipeMessage.Cookies;
import dev.imgdl.cli.process.pipe.PipeMessage.Done;
import dev.imgdl.cli.process.pipe.PipeMessage.End;
import dev.imgdl.cli.process.pipe.PipeMessage.Grant;
import dev.imgdl.cli.process.pipe.PipeMessage.Start;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.cli.worker.Memory;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.download.ByteBudget;
import dev.imgdl.core.download.ChunkRunner;
import dev.imgdl.core.download.Fetcher;
import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.text.ThrowableText;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a process-mode child JVM. It reads its settings from standard input, starts
 * a thread per chunk at once, and hands each task line to its chunk's feed as it arrives (the
 * parent sends them as the list is planned), running them through the same download core as
 * thread mode and writing one result per line to standard output; the end line ends the feeds.
 * It ends itself when standard input reaches end of file, which is how it learns that its parent
 * is gone, so no child outlives the parent.
 */
public final class ChildMain {
  private static final Logger log = LoggerFactory.getLogger(ChildMain.class);
  private static final int EXIT_PROTOCOL = 3;
  private static final int EXIT_ORPHANED = 4;
  /** A thread of the child met a throwable nothing expected: the parent stops the run. */
  public static final int EXIT_BROKEN = 70;

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
    Map<Integer, ChunkFeed<Task>> feeds = new LinkedHashMap<>();
    start.workers().forEach(worker -> feeds.put(worker, new ChunkFeed<>()));
    RemoteHostGate remote = start.remoteGate() ? new RemoteHostGate(out) : null;
    HostGate gate = remote != null ? remote : LocalHostGate.of(0, 0);
    RemoteByteBudget bandwidth =
        settings.limitRate() > 0 ? new RemoteByteBudget(out, settings.limitRate()) : null;
    TempFiles temps = new TempFiles();
    Fetcher fetcher = Fetcher.create(settings, gate,
        bandwidth != null ? bandwidth : ByteBudget.UNLIMITED, temps, feeds.size());
    // abort, not deleteAll: a worker must not create a file between the sweep and the end.
    Runtime.getRuntime().addShutdownHook(new Thread(temps::abort, "imgdl-cleanup"));
    ChunkThreads threads = new ChunkThreads(new ChunkRunner(fetcher), out);
    Thread watcher = new Thread(
        () -> watchParent(in, new ParentLines(feeds, fetcher, remote, bandwidth, threads), fetcher,
            temps),
        "imgdl-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    threads.run(feeds, () -> cancelled);
    if (settings.identity().cookieEngine()) {
      out.send(new Cookies(fetcher.cookies().setByServers()));
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

  /**
   * Reads the parent's lines after the start line: tasks, the end, permits and cancel. End of
   * input means the parent is gone.
   */
  private static void watchParent(BufferedReader in, ToChild.Visitor lines, Fetcher fetcher,
      TempFiles temps) {
    try {
      for (String line; (line = in.readLine()) != null; ) {
        PipeCodec.parse(line, ToChild.class).accept(lines);
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

  /**
   * Ends the child at once after a throwable that nothing expected on one of its threads (out
   * of memory, a bug): one line on standard error, which the parent forwards, and {@link
   * #EXIT_BROKEN}, which makes the parent stop the run. Its temporary files are the parent's to
   * sweep; a halt does not wait for threads that may never end.
   */
  static void broke(Throwable t) {
    try {
      System.err.println(t instanceof OutOfMemoryError ? "out of memory"
          : "internal error: " + ThrowableText.reason(t));
      System.err.flush();
    } finally {
      Runtime.getRuntime().halt(EXIT_BROKEN);
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

  /** What the parent sends after the start line: tasks and the end, permits, and cancel. */
  private static final class ParentLines implements ToChild.Visitor {
    private final Map<Integer, ChunkFeed<Task>> feeds;
    private final Fetcher fetcher;
    private final RemoteHostGate remote;
    private final RemoteByteBudget bandwidth;
    private final ChunkThreads threads;

    ParentLines(Map<Integer, ChunkFeed<Task>> feeds, Fetcher fetcher, RemoteHostGate remote,
        RemoteByteBudget bandwidth, ChunkThreads threads) {
      this.feeds = feeds;
      this.fetcher = fetcher;
      this.remote = remote;
      this.bandwidth = bandwidth;
      this.threads = threads;
    }

    @Override
    public void task(TaskLine m) {
      ChunkFeed<Task> feed = feeds.get(m.worker());
      if (feed == null) {
        fail("a task for worker " + m.worker() + ", not one of " + feeds.keySet());
        return;
      }
      feed.add(m.task());
    }

    @Override
    public void end(End m) {
      feeds.values().forEach(ChunkFeed::end);
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
    public void bytesGrant(BytesGrant m) {
      if (bandwidth != null) {
        bandwidth.answer(m.id(), m.waitNanos());
      }
    }

    @Override
    public void cancel(Cancel m) {
      // Takes no new entry, cancels requests in flight, and wakes the workers from a wait.
      cancelled = true;
      feeds.values().forEach(ChunkFeed::stop);
      fetcher.cancel();
      threads.interrupt();
    }

    @Override
    public void start(Start m) {
      log.warn("ignoring a second start message from the parent");
    }
  }

  private static void fail(String why) {
    System.err.println("imgdl child: " + why);
    System.exit(EXIT_PROTOCOL);
  }
}
