package dev.imgdl.input;

import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Turns the input into a {@link Plan}: each entry is parsed, deduplicated against the earlier
 * ones and named, in input order. Per-entry state is kept small so that a list of a million
 * lines fits in a modest heap: duplicates of one URL share one error string.
 */
public final class Planner {
  private final InputReader reader;

  public Planner(InputReader reader) {
    this.reader = reader;
  }

  public Plan plan(List<String> inputs) {
    List<Entry> entries = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    List<Result> decided = new ArrayList<>();
    Map<String, Entry> firstByKey = new HashMap<>();
    Map<Integer, String> duplicateErrors = new HashMap<>();
    NamePlanner names = new NamePlanner();
    reader.read(
        inputs,
        entry -> {
          entries.add(entry);
          if (entry.invalidReason() != null) {
            decided.add(Result.planned(entry.index(), Status.INVALID, entry.invalidReason()));
            return;
          }
          HttpUrl url;
          try {
            url = UrlValidator.check(entry.url());
          } catch (UrlValidator.InvalidUrlException e) {
            decided.add(Result.planned(entry.index(), Status.INVALID, e.getMessage()));
            return;
          }
          String key = UrlValidator.dedupKey(url);
          Entry first = firstByKey.putIfAbsent(key.equals(entry.url()) ? entry.url() : key, entry);
          if (first != null) {
            String error =
                duplicateErrors.computeIfAbsent(
                    first.index(), i -> "duplicate of " + first.location());
            decided.add(Result.planned(entry.index(), Status.DUPLICATE, error));
            return;
          }
          TargetName name = names.plan(url, entry.url());
          tasks.add(new Task(entry.index(), entry.url(), name.stem(), name.extension()));
        });
    Result[] byIndex = new Result[entries.size()];
    for (Result r : decided) {
      byIndex[r.index()] = r;
    }
    return new Plan(entries, tasks, byIndex);
  }

  /** Deals tasks to {@code n} chunks round-robin, in input order. */
  public static List<List<Task>> chunk(List<Task> tasks, int n) {
    List<List<Task>> chunks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chunks.add(new ArrayList<>(tasks.size() / n + 1));
    }
    for (int i = 0; i < tasks.size(); i++) {
      chunks.get(i % n).add(tasks.get(i));
    }
    return chunks;
  }

}
