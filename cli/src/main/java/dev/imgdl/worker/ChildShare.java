package dev.imgdl.worker;

import dev.imgdl.input.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chunks one child JVM runs, each with its worker id, in worker order. {@link #deal} hands
 * the run's non-empty chunks to at most {@code processes} children, so that a worker is still a
 * chunk, whichever child runs it.
 */
record ChildShare(List<Chunk> chunks) {

  /** One worker's chunk: its id and its entries, in order. */
  record Chunk(int worker, List<Task> tasks) {
    Chunk {
      tasks = List.copyOf(tasks);
    }
  }

  ChildShare {
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("a child runs at least one chunk");
    }
    chunks = List.copyOf(chunks);
  }

  /**
   * Deals the non-empty chunks, worker {@code i} taking {@code chunks.get(i)}, to {@code
   * min(processes, non-empty chunks)} children: the k-th non-empty chunk to child {@code k %
   * children}. With no empty chunk that is chunk {@code i} to child {@code i % processes}; a
   * chunk emptied by skipped entries does not leave a child with nothing to run.
   */
  static List<ChildShare> deal(List<List<Task>> chunks, int processes) {
    if (processes < 1) {
      throw new IllegalArgumentException("processes must be at least 1, not " + processes);
    }
    List<Chunk> nonEmpty = new ArrayList<>();
    for (int worker = 0; worker < chunks.size(); worker++) {
      if (!chunks.get(worker).isEmpty()) {
        nonEmpty.add(new Chunk(worker, chunks.get(worker)));
      }
    }
    int children = Math.min(processes, nonEmpty.size());
    List<List<Chunk>> dealt = new ArrayList<>();
    for (int child = 0; child < children; child++) {
      dealt.add(new ArrayList<>());
    }
    for (int k = 0; k < nonEmpty.size(); k++) {
      dealt.get(k % children).add(nonEmpty.get(k));
    }
    return dealt.stream().map(ChildShare::new).toList();
  }

  /** The worker ids, in order. */
  List<Integer> workers() {
    return chunks.stream().map(Chunk::worker).toList();
  }

  /** How many entries the chunks hold together. */
  int entries() {
    return chunks.stream().mapToInt(c -> c.tasks().size()).sum();
  }

  /**
   * How logs and the child's forwarded standard error name it: {@code worker 3} for a child of
   * one chunk, as the per-worker table does, and {@code workers 0,2} for a child of several.
   */
  String label() {
    return chunks.size() == 1
        ? "worker " + chunks.get(0).worker()
        : chunks.stream().map(c -> String.valueOf(c.worker()))
            .collect(Collectors.joining(",", "workers ", ""));
  }
}
