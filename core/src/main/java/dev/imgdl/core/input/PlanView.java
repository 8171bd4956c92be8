package dev.imgdl.core.input;

/**
 * The plan as it grows, for whoever shows it while the planner still reads: how many entries
 * are planned, each entry, and whether the input was read to its end. Safe from any thread.
 */
public interface PlanView {
  /** How many entries have been planned so far. */
  int planned();

  /** The entry at {@code index}, which must be planned already. */
  Entry entry(int index);

  /** Whether the input was read to its end: {@link #planned} is then the total. */
  boolean finished();
}
