package dev.imgdl.cli.process;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chunks one child JVM runs, by worker id, in order. {@link #deal} hands the run's chunks to
 * at most {@code processes} children before any task is planned, chunk {@code i} to child {@code
 * i % children}, so that a worker is still a chunk, whichever child runs it, and the planner can
 * send each task to its child as soon as it is planned.
 */
record ChildShare(List<Integer> workers) {

  ChildShare {
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("a child runs at least one chunk");
    }
    workers = List.copyOf(workers);
  }

  /** Deals {@code chunks} chunks to {@code min(processes, chunks)} children, round-robin. */
  static List<ChildShare> deal(int chunks, int processes) {
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1, not " + processes);
    }
    int children = Math.min(processes, chunks);
    List<ChildShare> shares = new ArrayList<>(children);
    for (int child = 0; child < children; child++) {
      List<Integer> workers = new ArrayList<>();
      for (int worker = child; worker < chunks; worker += children) {
        workers.add(worker);
      }
      shares.add(new ChildShare(workers));
    }
    return shares;
  }

  /**
   * How logs and the child's forwarded standard error name it: {@code worker 3} for a child of
   * one chunk, as the per-worker table does, and {@code workers 0,2} for a child of several.
   */
  String label() {
    return workers.size() == 1
        ? "worker " + workers.get(0)
        : workers.stream().map(String::valueOf).collect(Collectors.joining(",", "workers ", ""));
  }
}
