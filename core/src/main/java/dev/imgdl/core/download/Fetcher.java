package dev.imgdl.core.download;

import dev.imgdl.core.config.Durations;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.image.Dimensions;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.net.CookieStore;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.text.Credentials;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download core, shared by both worker modes: turns one {@link Task} into one {@link
 * Result}. It retries what is worth retrying within the entry's deadline, and renames a validated
 * temporary file to its target in one atomic step, replacing a file of that name; with {@code
 * --check} the validated body was never written, and the entry is {@code checked}. Whether to
 * download at all (skip an existing target) is decided before, by {@link ExistingTargets}. It
 * never throws for a failed download, and is safe to call from many threads at once.
 */
public final class Fetcher {
  private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

  private final FetchSettings settings;
  private final HttpClients clients;
  private final TempFiles temps;
  private final Exchange exchange;
  private final Path dir;
  private final Shaper shaper;

  private Fetcher(FetchSettings settings, HttpClients clients, HostGate gate, ByteBudget budget,
      TempFiles temps) {
    this.settings = settings;
    this.clients = clients;
    this.temps = temps;
    this.exchange = new Exchange(clients, gate, budget, settings, temps);
    this.dir = Path.of(settings.outputDir());
    this.shaper = settings.request().transform() == null ? null
        : new Shaper(settings.request().transform(), temps, dir, settings.runId());
  }

  /**
   * The download core of a JVM, or of one run in it: its own HTTP client, sized for {@code
   * parallelism} workers, asking {@code gate} before each request and creating its temporary
   * files through {@code temps}, so that the run that owns them can remove them on an interrupt.
   */
  public static Fetcher create(
      FetchSettings settings, HostGate gate, TempFiles temps, int parallelism) {
    return create(settings, gate, ByteBudget.of(settings.limitRate()), temps, parallelism);
  }

  /**
   * As above, with the bandwidth taken from {@code budget} (a process-mode child's share of the
   * parent's) instead of a budget of this JVM's own.
   */
  public static Fetcher create(FetchSettings settings, HostGate gate, ByteBudget budget,
      TempFiles temps, int parallelism) {
    return new Fetcher(settings, HttpClients.create(settings, parallelism, gate != HostGate.OPEN),
        gate, budget, temps);
  }

  /**
   * A download core on a client shared with other cores of the JVM: a Spark executor's tasks
   * each have their own output directory and temporary files, but one connection pool and one
   * host gate. {@link #close} then releases nothing; the client's owner closes it.
   */
  public static Fetcher create(
      FetchSettings settings, HttpClients clients, HostGate gate, TempFiles temps) {
    return new Fetcher(settings, clients, gate, ByteBudget.UNLIMITED, temps);
  }

  /** The cookies its client kept (read and set), for the run's cookie jar. */
  public CookieStore cookies() {
    return clients.cookies();
  }

  /** Releases the client's threads and pooled connections; for tests and embedders. */
  public void close() {
    clients.close();
  }

  /**
   * Cancels every request in flight and every wait between attempts: an entry in the middle of
   * its download ends as {@code interrupted}, with what its last attempt saw.
   */
  public void cancel() {
    exchange.cancel();
    clients.cancelAll();
  }

  public Result fetch(Task task, int worker) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(settings.request().deadlineMillis());
    HttpUrl url = task.httpUrl();
    Outcome.Failure last = null;
    for (int attempt = 1; ; attempt++) {
      Outcome outcome;
      try {
        if (exchange.cancelled()) {
          return failed(task, worker, start, attempt - 1, last, Result.INTERRUPTED);
        }
        outcome = exchange.run(url, deadline, worker);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(task, worker, start, attempt, last, Result.INTERRUPTED);
      }
      if (outcome instanceof Outcome.Body body) {
        String mismatch = mismatch(task, body);
        if (mismatch != null) {
          // The server sent these bytes; asking again would most likely get them again.
          if (body.temp() != null) {
            temps.delete(body.temp());
          }
          return failed(task, worker, start, attempt, failure(body, mismatch), mismatch);
        }
        return shapeAndCommit(task, worker, body, attempt, start);
      }
      last = (Outcome.Failure) outcome;
      if (exchange.cancelled()) {
        return failed(task, worker, start, attempt, last, Result.INTERRUPTED);
      }
      String after = attempt > 1 ? " after " + attempt + " attempts" : "";
      if (!last.retryable() || attempt > settings.request().retries()) {
        return failed(task, worker, start, attempt, last, last.error() + after);
      }
      String wait = waitBeforeRetry(task.url(), last, attempt, deadline);
      if (wait != null) {
        return failed(task, worker, start, attempt, last, wait);
      }
    }
  }

  /** Sleeps before the next attempt; returns why not to retry instead, or null. */
  private String waitBeforeRetry(String url, Outcome.Failure last, int attempt, long deadline) {
    long askedFor = last.retryAfterMillis();
    long millis = askedFor >= 0 ? askedFor : RetryPolicy.backoffMillis(attempt);
    long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    String deadlineText = Durations.format(Duration.ofMillis(settings.request().deadlineMillis()));
    if (askedFor >= 0 && askedFor >= remaining) {
      return last.error() + ": Retry-After " + Durations.format(Duration.ofMillis(askedFor))
          + " is beyond the deadline " + deadlineText;
    }
    if (millis >= remaining) {
      return "deadline " + deadlineText + " exceeded (" + last.error() + " after " + attempt
          + (attempt == 1 ? " attempt)" : " attempts)");
    }
    log.info("{}: {}; attempt {} of {} in {}", Credentials.redact(url), last.error(),
        attempt + 1, settings.request().retries() + 1, Durations.format(Duration.ofMillis(millis)));
    try {
      Thread.sleep(millis);
      return exchange.cancelled() ? Result.INTERRUPTED : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.INTERRUPTED;
    }
  }

  /** Shape (the filters, a resize), then commit or, for a check, only describe. */
  private Result shapeAndCommit(Task task, int worker, Outcome.Body body, int attempts,
      long start) {
    Shaper.Shaped shaped = new Shaper.Shaped.AsDownloaded();
    if (shaper != null) {
      try {
        shaped = shaper.shape(body, worker);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(task, worker, start, attempts, failure(body, null), Result.INTERRUPTED);
      } catch (IOException e) {
        // The second temporary file: a local write, as the commit's.
        return writeFailed(task, worker, start, attempts, body, task.name().fileName(
            settings.request().transform().format().extension()), e);
      }
    }
    if (shaped instanceof Shaper.Shaped.Refused refused) {
      return failed(task, worker, start, attempts, failure(body, refused.reason()),
          refused.reason());
    }
    if (settings.check()) {
      return described(task, body, Status.CHECKED).attempts(attempts).worker(worker)
          .millis(millisSince(start)).build();
    }
    Shaper.Shaped.Resized resized = shaped instanceof Shaper.Shaped.Resized r ? r : null;
    return commit(task, worker, body, resized, attempts, start);
  }

  private Result commit(Task task, int worker, Outcome.Body body, Shaper.Shaped.Resized resized,
      int attempts, long start) {
    String detected = resized != null ? resized.image().format().extension()
        : body.format() == null ? null : body.format().extension();
    String file = task.name().fileName(detected);
    Path temp = resized != null ? resized.temp() : body.temp();
    try {
      Path target = dir.resolve(file);
      if (!target.getParent().equals(dir)) {
        // A --subdirs folder: made by whichever worker gets there first.
        Files.createDirectories(target.getParent());
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temps.committed(temp);
    } catch (IOException e) {
      temps.delete(temp);
      return writeFailed(task, worker, start, attempts, body, file, e);
    }
    Result.Builder result = described(task, body, Status.DOWNLOADED);
    if (resized != null) {
      var image = resized.image();
      result.bytes(image.bytes()).sha256(image.sha256()).width(image.width())
          .height(image.height()).originalWidth(image.originalWidth())
          .originalHeight(image.originalHeight()).originalSha256(body.sha256());
    }
    return result
        .file(file)
        .attempts(attempts)
        .worker(worker)
        .millis(millisSince(start))
        .build();
  }

  /** Why the body is not the one the task's row names ({@code --verify-hash}), or null. */
  private static String mismatch(Task task, Outcome.Body body) {
    return task.hash() == null ? null
        : task.hash().mismatch(body.digest(task.hash().algorithm()));
  }

  private static Result writeFailed(Task task, int worker, long start, int attempts,
      Outcome.Body body, String file, IOException e) {
    String error = "cannot write " + file + ": " + ThrowableText.reason(e);
    return failed(task, worker, start, attempts, failure(body, error), error);
  }

  /** A permanent failure of a body that arrived whole: its response is described. */
  private static Outcome.Failure failure(Outcome.Body body, String error) {
    return new Outcome.Failure(error, false, body.reply(), -1);
  }

  /** What a validated body tells, the same whether it was saved or only checked. */
  private static Result.Builder described(Task task, Outcome.Body body, Status status) {
    Dimensions size = body.size();
    return body.reply().describe(Result.builder(task.index(), status), task.httpUrl())
        .bytes(body.bytes())
        .sha256(body.sha256())
        .width(size == null ? null : size.width())
        .height(size == null ? null : size.height());
  }

  private static Result failed(
      Task task, int worker, long start, int attempts, Outcome.Failure last, String error) {
    Result.Builder result = Result.builder(task.index(), Status.FAILED)
        .attempts(attempts)
        .worker(worker)
        .millis(millisSince(start))
        .error(error);
    return (last == null || last.reply() == null ? result
        : last.reply().describe(result, task.httpUrl())).build();
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
