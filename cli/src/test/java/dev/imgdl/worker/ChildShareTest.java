package dev.imgdl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.input.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildShareTest {

  /** {@code sizes[i]} entries for worker i, numbered across the chunks. */
  private static List<List<Task>> chunks(int... sizes) {
    List<List<Task>> chunks = new ArrayList<>();
    int index = 0;
    for (int size : sizes) {
      List<Task> chunk = new ArrayList<>();
      for (int i = 0; i < size; i++, index++) {
        chunk.add(new Task(index, "http://h/" + index + ".png", String.valueOf(index), "png"));
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  private static List<List<Integer>> workers(List<ChildShare> shares) {
    return shares.stream().map(ChildShare::workers).toList();
  }

  @Test
  void chunkIGoesToChildIModuloTheProcesses() {
    List<ChildShare> shares = ChildShare.deal(chunks(2, 2, 2, 1, 1, 1), 2);

    assertThat(workers(shares)).containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
    assertThat(shares.get(0).chunks().get(1).tasks()).extracting(Task::index)
        .containsExactly(4, 5);
    assertThat(shares).extracting(ChildShare::entries).containsExactly(5, 4);
  }

  @Test
  void thereAreNeverMoreChildrenThanNonEmptyChunks() {
    assertThat(workers(ChildShare.deal(chunks(1, 1, 1), 8)))
        .containsExactly(List.of(0), List.of(1), List.of(2));
    assertThat(ChildShare.deal(chunks(0, 0), 4)).isEmpty();
    assertThat(ChildShare.deal(List.of(), 4)).isEmpty();
  }

  @Test
  void emptyChunksAreLeftOutWithoutLeavingAChildIdle() {
    // Chunks 1, 3 and 5 emptied by entries skipped before the start.
    assertThat(workers(ChildShare.deal(chunks(1, 0, 1, 0, 1, 0), 2)))
        .containsExactly(List.of(0, 4), List.of(2));
  }

  @Test
  void oneProcessTakesEveryChunk() {
    assertThat(workers(ChildShare.deal(chunks(1, 2, 3), 1))).containsExactly(List.of(0, 1, 2));
  }

  @Test
  void aChildOfOneChunkIsNamedAsItsWorkerAndOneOfSeveralByItsWorkers() {
    List<ChildShare> one = ChildShare.deal(chunks(1, 1), 2);
    List<ChildShare> several = ChildShare.deal(chunks(1, 1, 1, 1, 1), 2);

    assertThat(one).extracting(ChildShare::label).containsExactly("worker 0", "worker 1");
    assertThat(several).extracting(ChildShare::label)
        .containsExactly("workers 0,2,4", "workers 1,3");
  }

  @Test
  void fewerThanOneProcessOrAChildWithoutChunksIsABrokenContract() {
    assertThatThrownBy(() -> ChildShare.deal(chunks(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("processes must be at least 1, not 0");
    assertThatThrownBy(() -> new ChildShare(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
