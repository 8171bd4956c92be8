package dev.imgdl.core.input;

import dev.imgdl.core.result.Result;
import java.util.List;

/**
 * The run's entries after parsing, deduplication and naming: every entry, the tasks to hand to
 * workers, and the results already decided (invalid and duplicate), indexed by entry.
 *
 * @param entries every entry in input order
 * @param tasks the entries to download, in input order
 * @param decided results of invalid and duplicate entries, at their index; null elsewhere
 * @param complete whether the input was read to the end; false when an interrupt stopped it
 */
public record Plan(List<Entry> entries, List<Task> tasks, Result[] decided, boolean complete) {

  public int size() {
    return entries.size();
  }
}
