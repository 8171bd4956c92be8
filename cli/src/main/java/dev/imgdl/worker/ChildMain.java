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
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /** Set when the parent asks to stop: the chunk runner takes no new entry. */
  private static volatile boolean cancelled;

  private ChildMain() {}

  public static void main(String[] args) throws IOException {
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
    // Standard output carries results only: anything else printed by accident goes to stderr.
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    Message start = read(in);
    if (!"start".equals(start.type())) {
      fail("expected a start message, got " + start.type());
    }
    Logging.setLevel(start.logLevel());
    FetchSettings settings = start.settings();
    int worker = start.worker();
    List<Task> tasks = new ArrayList<>();
    for (Message m = read(in); !"end".equals(m.type()); m = read(in)) {
      tasks.add(m.task());
    }
    RemoteHostGate remote =
        Boolean.TRUE.equals(start.remoteGate()) ? new RemoteHostGate(out) : null;
    HostGate gate = remote != null ? remote : LocalHostGate.of(0, 0);
    TempFiles temps = new TempFiles();
    Fetcher fetcher = Fetcher.create(settings, gate, temps, 1);
    Runtime.getRuntime().addShutdownHook(new Thread(temps::deleteAll, "imgdl-cleanup"));
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
    Wire.send(out, Message.done(ProcessHandle.current().pid(), Memory.peakRssBytes()));
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

  /** Reads the parent's later messages; end of input means the parent is gone. */
  private static void watchParent(BufferedReader in, Fetcher fetcher, TempFiles temps,
      RemoteHostGate remote, Thread main) {
    try {
      for (String line; (line = in.readLine()) != null; ) {
        Message m = Wire.parse(line);
        switch (m.type()) {
          case "grant", "deny" -> {
            if (remote != null) {
              remote.answer(m.id(), m.type().equals("grant"));
            }
          }
          case "cancel" -> {
            // Cancels requests in flight, and wakes the worker from a wait between attempts.
            cancelled = true;
            fetcher.cancel();
            main.interrupt();
          }
          default -> log.warn("ignoring a {} message from the parent", m.type());
        }
      }
    } catch (IOException e) {
      log.warn("reading from the parent failed: {}", e.getMessage());
    }
    if (finished) {
      Runtime.getRuntime().halt(0);
    }
    fetcher.cancel();
    temps.deleteAll();
    Runtime.getRuntime().halt(EXIT_ORPHANED);
  }

  /** The chunk runner's sink: a pipe that breaks ends the chunk. */
  private static void sendResult(Writer out, Result result) {
    try {
      Wire.send(out, Message.result(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Message read(BufferedReader in) throws IOException {
    String line = in.readLine();
    if (line == null) {
      // The parent went away before handing over the chunk.
      Runtime.getRuntime().halt(EXIT_ORPHANED);
    }
    return Wire.parse(line);
  }

  private static void fail(String why) {
    System.err.println("imgdl child: " + why);
    System.exit(EXIT_PROTOCOL);
  }
}
