package dev.imgdl.core.input;

import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Turns the input into a {@link Plan}: each entry is parsed, deduplicated against the earlier
 * ones and named, in input order, and handed to a {@link Listener} as soon as it is decided, so
 * that downloads start while the rest of the list is read. Per-entry state is kept small so that
 * a list of a million lines fits in a modest heap: duplicates of one URL share one error string.
 *
 * <p>A planner plans once. While {@link #plan} reads (on its own thread, since a read from
 * standard input cannot be interrupted), {@link #stop} may be called from another thread: it
 * returns what was planned so far and makes the reading stop at the next entry. The listener is
 * called under the planner's lock, so what {@link #stop} returns is exactly what it was told.
 */
public final class Planner implements PlanView {
  private final InputReader reader;
  private final Listener listener;
  private final List<Entry> entries = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  private final List<Result> decided = new ArrayList<>();
  private final Map<String, Entry> firstByKey = new HashMap<>();
  private final Map<Integer, String> duplicateErrors = new HashMap<>();
  private final NamePlanner names;
  private boolean stopped;
  private volatile boolean finished;

  /** Told of each entry as it is planned, in input order, on the planning thread. */
  public interface Listener {
    /** An entry to download, named. */
    void task(Task task);

    /** An entry settled while planning: invalid or duplicate. */
    void decided(Result result);

    /** A listener that ignores everything: a plan read to its end before anything starts. */
    Listener NONE = new Listener() {
      @Override
      public void task(Task task) {}

      @Override
      public void decided(Result result) {}
    };
  }

  public Planner(InputReader reader) {
    this(reader, Listener.NONE);
  }

  public Planner(InputReader reader, Listener listener) {
    this(reader, listener, new NamePlanner());
  }

  /** A planner whose names come from {@code names}: {@code --resize}'s extension, say. */
  public Planner(InputReader reader, Listener listener, NamePlanner names) {
    this.reader = reader;
    this.listener = listener;
    this.names = names;
  }

  /** Reads every input and returns the complete plan, or what {@link #stop} left of it. */
  public Plan plan(List<String> inputs) {
    try {
      reader.read(inputs, this::add);
    } catch (Stopped e) {
      return snapshot(false);
    }
    synchronized (this) {
      finished = true;
      return snapshot(true);
    }
  }

  /** Stops the reading and returns the entries planned so far, from any thread. */
  public synchronized Plan stop() {
    stopped = true;
    return snapshot(finished);
  }

  @Override
  public synchronized int planned() {
    return entries.size();
  }

  @Override
  public synchronized Entry entry(int index) {
    return entries.get(index);
  }

  @Override
  public boolean finished() {
    return finished;
  }

  private synchronized void add(Entry entry) {
    if (stopped) {
      throw new Stopped();
    }
    entries.add(entry);
    if (entry.invalidReason() != null) {
      decide(Result.planned(entry.index(), Status.INVALID, entry.invalidReason()));
      return;
    }
    HttpUrl url;
    try {
      url = UrlValidator.check(entry.url());
    } catch (UrlValidator.InvalidUrlException e) {
      decide(Result.planned(entry.index(), Status.INVALID, e.getMessage()));
      return;
    }
    String key = UrlValidator.dedupKey(url);
    Entry first = firstByKey.putIfAbsent(key.equals(entry.url()) ? entry.url() : key, entry);
    if (first != null) {
      String error =
          duplicateErrors.computeIfAbsent(first.index(), i -> "duplicate of " + first.location());
      decide(Result.planned(entry.index(), Status.DUPLICATE, error));
      return;
    }
    TargetName name = names.plan(url, entry.url());
    Task task = new Task(entry.index(), entry.url(), name.stem(), name.extension(), url,
        entry.hash());
    tasks.add(task);
    listener.task(task);
  }

  private void decide(Result result) {
    decided.add(result);
    listener.decided(result);
  }

  private Plan snapshot(boolean complete) {
    Result[] byIndex = new Result[entries.size()];
    for (Result r : decided) {
      byIndex[r.index()] = r;
    }
    return new Plan(List.copyOf(entries), List.copyOf(tasks), byIndex, complete);
  }

  /** Unwinds the reader once the planner is stopped. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
