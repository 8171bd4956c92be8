package dev.imgdl.cli.process;

import dev.imgdl.core.result.Result;

/**
 * When a chunk's unfinished entries run in another child JVM, and how they fail when they do
 * not. A chunk runs in at most {@code launches} children, and no more once the run is cancelled
 * or every entry has a result and no more can come from the planner; what is left then fails
 * with the last child's reason, unless the run was cancelled: then the run itself reports it as
 * interrupted.
 */
record RelaunchPolicy(int launches) {

  /**
   * Whether to launch a child for the chunk after {@code launched} have run, when {@code
   * workLeft} says that entries sent have no result yet or that the planner may deal more.
   */
  boolean launchAgain(int launched, boolean workLeft, boolean cancelled) {
    return launched < launches && workLeft && !cancelled;
  }

  /**
   * The error of the entries left unfinished: why the last child ended; or null when the run was
   * cancelled or no child ran, and they are left to the run, which reports them as {@link
   * Result#INTERRUPTED}.
   */
  String failure(boolean cancelled, String lastChildFailure) {
    return cancelled ? null : lastChildFailure;
  }
}
