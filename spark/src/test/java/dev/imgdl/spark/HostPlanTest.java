package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostPlanTest {

  @Test
  void aHostThatFitsInOneTaskIsDownloadedByOneTaskWithTheWholeLimits() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 10L, "b.example", 10L), 2, 4, 2.0);

    assertThat(plan.tasks("a.example")).isEqualTo(1);
    assertThat(plan.share("a.example")).isEqualTo(new HostPlan.Share(4, 2.0));
    assertThat(partitionsOf(plan, "a.example", 100)).hasSize(1);
    assertThat(partitionsOf(plan, "b.example", 100)).hasSize(1)
        .doesNotContainAnyElementsOf(partitionsOf(plan, "a.example", 100));
  }

  @Test
  void aBigHostIsSplitOverTasksThatEachHoldTheirShareOfTheLimits() {
    // 100 rows over 4 tasks: 25 a task, so the 75 rows of a go to 3 tasks.
    Map<String, Long> counts = Map.of("a.example", 75L, "b.example", 20L, "c.example", 5L);
    HostPlan plan = HostPlan.of(counts, 4, 16, 3.0);

    assertThat(plan.tasks("a.example")).isEqualTo(3);
    assertThat(plan.share("a.example")).isEqualTo(new HostPlan.Share(5, 1.0));
    assertThat(partitionsOf(plan, "a.example", 1000)).hasSize(3);
    assertThat(plan.tasks("b.example")).isEqualTo(1);
    assertThat(plan.share("c.example")).isEqualTo(new HostPlan.Share(16, 3.0));
  }

  @Test
  void aHostIsSplitOverNoMoreTasksThanItsPerHostLimitSoEachKeepsOneRequest() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 1000L), 8, 3, 0);

    assertThat(plan.tasks("a.example")).isEqualTo(3);
    assertThat(plan.share("a.example")).isEqualTo(new HostPlan.Share(1, 0));
  }

  @Test
  void aRateAloneSplitsOverAsManyTasksAsThereArePartitionsAtMost() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 1000L), 4, 0, 10.0);

    assertThat(plan.tasks("a.example")).isEqualTo(4);
    assertThat(plan.share("a.example")).isEqualTo(new HostPlan.Share(0, 2.5));
    assertThat(partitionsOf(plan, "a.example", 1000)).containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void sharesOfASplitHostAddUpToNoMoreThanItsLimit() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 300L), 3, 5, 0);

    assertThat(plan.tasks("a.example")).isEqualTo(3);
    assertThat(plan.share("a.example").perHost() * 3).isLessThanOrEqualTo(5);
  }

  @Test
  void rowsOfAHostThatAlternateInTheInputAreSpreadOverAllItsSlices() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 50L, "b.example", 50L), 4, 16, 0);
    Map<Integer, Integer> rows = new HashMap<>();
    for (long id = 0; id < 100; id += 2) {
      rows.merge(plan.partition("a.example", id), 1, Integer::sum);
    }

    assertThat(rows).hasSize(2);
    assertThat(rows.values()).allMatch(n -> n >= 15);
  }

  @Test
  void manySmallHostsFillThePartitionsEvenly() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int h = 0; h < 40; h++) {
      counts.put("h" + h + ".example", 10L);
    }
    HostPlan plan = HostPlan.of(counts, 4, 2, 0);
    Map<Integer, Long> load = new HashMap<>();
    counts.forEach((h, n) -> load.merge(plan.partition(h, 0), n, Long::sum));

    assertThat(load.values()).containsOnly(100L);
  }

  @Test
  void aHostOutsideThePlanHasNoShareAndNoPartition() {
    HostPlan plan = HostPlan.of(Map.of("a.example", 1L), 1, 1, 0);

    assertThat(plan.share("elsewhere.example")).isNull();
    assertThat(plan.tasks("elsewhere.example")).isZero();
    assertThatThrownBy(() -> plan.partition("elsewhere.example", 0))
        .hasMessageContaining("elsewhere.example");
  }

  @Test
  void limitsAreOnlyPlannedWhenAHostIsLimited() {
    assertThat(HostPlan.applies(0, 0)).isFalse();
    assertThat(HostPlan.applies(1, 0)).isTrue();
    assertThat(HostPlan.applies(0, 0.5)).isTrue();
  }

  private static Set<Integer> partitionsOf(HostPlan plan, String host, int ids) {
    Set<Integer> out = new HashSet<>();
    for (long id = 0; id < ids; id++) {
      out.add(plan.partition(host, id));
    }
    return out;
  }
}
