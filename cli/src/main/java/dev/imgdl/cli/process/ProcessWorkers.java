package dev.imgdl.cli.process;

import dev.imgdl.cli.logging.Logging;
import dev.imgdl.cli.process.child.ChildMain;
import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Cancel;
import dev.imgdl.cli.process.pipe.PipeMessage.Start;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.settings.Settings;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.cli.worker.Workers;
import dev.imgdl.core.download.LocalHostGate;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.download.TokenBucket;
import dev.imgdl.core.input.ChunkFeed;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.net.CookieFile;
import dev.imgdl.core.net.CookieStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import okhttp3.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process mode: the chunks are dealt to at most {@code --processes} child JVMs ({@link
 * ChildShare}) that the {@link ChildLauncher} starts, each running its chunks on a thread each.
 * One supervisor thread per child starts it when the planner deals it its first task (a child
 * with nothing to do is never started), has a sender thread stream it the settings and then its
 * task lines as they are planned, in batches, has a {@link ChildReader} route the child's lines,
 * and forwards its standard error prefixed with the child's label. A child that dies, or that
 * the {@link Watchdog} finds silent for too long while it has work, has the unfinished entries
 * of all its chunks sent again to one new child, which then takes the rest of the list, as the
 * {@link RelaunchPolicy} says. Every child is known from the moment it is spawned, so that
 * {@link #close} ends it whatever it is doing.
 */
public final class ProcessWorkers implements Workers {
  private static final Logger log = LoggerFactory.getLogger(ProcessWorkers.class);
  /** A dead child's unfinished entries run again once. */
  private static final RelaunchPolicy RELAUNCH = new RelaunchPolicy(2);
  private static final long TERM_GRACE_MILLIS = 500;

  private final Settings settings;
  private final PrintWriter err;
  private final List<Thread> supervisors = new ArrayList<>();
  /** One per child share, in share order: chunk {@code w} goes to feed {@code w % size}. */
  private final List<ChunkFeed<TaskLine>> feeds = new ArrayList<>();
  private final Set<ChildProcess> live = ConcurrentHashMap.newKeySet();
  private final GateBroker broker;
  /** The run's one --limit-rate budget, which every child asks for bytes; null without one. */
  private final TokenBucket bandwidth;
  private final ChildLauncher launcher;
  private final Watchdog watchdog;
  /** The cookie file's, then what the children's servers set, as it came: later ones win. */
  private final CookieStore cookies;
  private volatile boolean cancelled;
  /** A child or its reader broke: no child is launched again, the run stops. */
  private volatile boolean broken;
  private volatile boolean closed;

  public ProcessWorkers(Settings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    this.launcher = ChildLauncher.forThisJvm(settings.childJvmOptions());
    this.broker =
        settings.politenessLimited()
            ? new GateBroker(LocalHostGate.of(settings.effectivePerHost(), settings.rate()))
            : null;
    this.bandwidth = settings.fetch().limitRate() > 0
        ? new TokenBucket(settings.fetch().limitRate()) : null;
    this.watchdog = new Watchdog(settings.fetch().request().deadlineMillis(), () -> live);
    // A run whose children all had nothing to do still writes the file's cookies to its jar.
    String cookieFile = settings.fetch().identity().cookieFile();
    this.cookies = new CookieStore(cookieFile == null ? List.of()
        : CookieFile.read(Path.of(cookieFile), cookieFile));
  }

  @Override
  public int start(int chunks, BlockingQueue<WorkerEvent> events) {
    List<ChildShare> shares = ChildShare.deal(chunks, settings.processes());
    for (int i = 0; i < shares.size(); i++) {
      ChildShare share = shares.get(i);
      ChunkFeed<TaskLine> feed = new ChunkFeed<>();
      feeds.add(feed);
      Thread thread = new Thread(() -> supervise(share, feed, events), "imgdl-child-" + i);
      thread.setDaemon(true);
      supervisors.add(thread);
    }
    supervisors.forEach(Thread::start);
    return chunks;
  }

  @Override
  public List<Cookie> cookies() {
    return cookies.all();
  }

  @Override
  public void deal(int worker, Task task) {
    feeds.get(worker % feeds.size()).add(new TaskLine(worker, task));
  }

  @Override
  public void endOfTasks() {
    feeds.forEach(ChunkFeed::end);
  }

  private void supervise(ChildShare share, ChunkFeed<TaskLine> feed,
      BlockingQueue<WorkerEvent> events) {
    ShareProgress progress = new ShareProgress(share, System.nanoTime());
    ChildRun last = null;
    try {
      if (!feed.await()) {
        return;
      }
      for (int launched = 0;
          RELAUNCH.launchAgain(launched, workLeft(progress, feed), cancelled || broken);
          launched++) {
        if (last != null) {
          log.warn("{}; running its {} unfinished entries again", last.end(),
              progress.unfinished().size());
        }
        last = runChild(share, feed, progress, events);
      }
      if (!cancelled) {
        // No child may run any more: the rest of the share fails with the last child's reason.
        for (List<TaskLine> rest; !(rest = feed.nextBatch(TaskSender.BATCH)).isEmpty(); ) {
          rest.forEach(progress::sent);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // After a cancel, what has no result is left to the run, which reports it as interrupted.
      ChildRun ended = last;
      events.addAll(progress.finish(
          worker -> RELAUNCH.failure(cancelled, ended == null ? null : ended.failure(worker)),
          System.nanoTime()));
    }
  }

  /** Whether the share has entries a child must still run: sent without a result, or to come. */
  private static boolean workLeft(ShareProgress progress, ChunkFeed<TaskLine> feed) {
    return !progress.unfinished().isEmpty() || !feed.exhausted();
  }

  /** The end of one child: how it ended, and why each worker's unfinished entries failed. */
  private record ChildRun(String end, IntFunction<String> failure) {
    String failure(int worker) {
      return failure.apply(worker);
    }
  }

  private ChildRun runChild(ChildShare share, ChunkFeed<TaskLine> feed, ShareProgress progress,
      BlockingQueue<WorkerEvent> events) {
    String label = share.label();
    ChildProcess child;
    try {
      child = launcher.spawn(label);
    } catch (IOException e) {
      log.error("{}: cannot start a child JVM: {}", label, e.getMessage());
      return new ChildRun(label + " could not start: " + e.getMessage(),
          worker -> "worker " + worker + " could not start: " + e.getMessage());
    }
    live.add(child);
    Process process = child.process();
    long pid = process.pid();
    progress.running(pid);
    log.info("{}: child JVM {} started", label, pid);
    if (closed) {
      // close() ran while this child was being spawned and did not see it.
      child.kill();
    }
    child.idleWhen(() -> progress.unfinished().isEmpty());
    GateBroker.Seat permits = broker != null ? broker.seat(child.input()) : null;
    Thread stderr = ChildLog.forward(label, process, err);
    Start start = new Start(share.workers(), settings.fetch(),
        Logging.levelFor(settings.verbosity(), settings.quiet()), broker != null);
    Thread sender = TaskSender.start(child, start, feed, progress, () -> cancelled);
    long peakRss = 0;
    try {
      peakRss = new ChildReader(label, child.input(), permits, bandwidth, progress.unfinished(),
          events, end -> progress.chunkEnded(end.worker(), pid, end.peakRss(), System.nanoTime()),
          cookies::addAll)
          .read(process.getInputStream(), child::heard);
    } catch (IOException e) {
      log.debug("{}: pipe closed: {}", label, e.getMessage());
    } catch (RuntimeException | Error e) {
      // The reader itself broke (out of memory on a line): end the child, stop the run.
      child.kill();
      broke(events, e);
    }
    int code = waitFor(process);
    if (code == ChildMain.EXIT_BROKEN) {
      broke(events, new IllegalStateException(label + " exited with code " + code
          + " after an internal error (its line above says which)"));
    }
    launcher.exited(child, code);
    // A sender still waiting for the planner stops; what it took is in the progress already.
    sender.interrupt();
    join(sender);
    join(stderr);
    live.remove(child);
    if (permits != null) {
      permits.releaseAll();
    }
    for (int worker : share.workers()) {
      if (!settings.check()) {
        TempFiles.sweep(settings.output(),
            TempFiles.prefix(settings.fetch().runId(), worker));
      }
    }
    child.closeInput();
    progress.childEnded(pid, peakRss);
    log.info("{}: child JVM {} exited with code {}", label, pid, code);
    return new ChildRun(child.end(code), worker -> child.failure(worker, code));
  }

  private void broke(BlockingQueue<WorkerEvent> events, Throwable cause) {
    broken = true;
    events.add(new WorkerEvent.Broke(cause));
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
    feeds.forEach(ChunkFeed::stop);
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
