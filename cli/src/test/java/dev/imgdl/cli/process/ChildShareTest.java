package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How chunks are dealt to children before any task is planned. */
class ChildShareTest {

  private static List<List<Integer>> workers(List<ChildShare> shares) {
    return shares.stream().map(ChildShare::workers).toList();
  }

  @Test
  void chunksAreDealtToTheChildrenRoundRobin() {
    assertThat(workers(ChildShare.deal(6, 2))).containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
    assertThat(workers(ChildShare.deal(5, 2))).containsExactly(List.of(0, 2, 4), List.of(1, 3));
  }

  @Test
  void neverMoreChildrenThanChunks() {
    assertThat(workers(ChildShare.deal(3, 8)))
        .containsExactly(List.of(0), List.of(1), List.of(2));
    assertThat(ChildShare.deal(0, 4)).isEmpty();
  }

  @Test
  void oneProcessRunsEveryChunk() {
    assertThat(workers(ChildShare.deal(3, 1))).containsExactly(List.of(0, 1, 2));
  }

  @Test
  void aChildOfOneChunkIsNamedAsItsWorkerAndOfSeveralByTheirIds() {
    assertThat(ChildShare.deal(2, 2).get(1).label()).isEqualTo("worker 1");
    assertThat(ChildShare.deal(5, 2).get(0).label()).isEqualTo("workers 0,2,4");
  }

  @Test
  void brokenContractsFailLoudly() {
    assertThatThrownBy(() -> ChildShare.deal(1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new ChildShare(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
