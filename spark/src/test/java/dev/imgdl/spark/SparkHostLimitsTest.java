package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --per-host} and {@code --rate} across the tasks of a job in {@code local[2]}: rows are
 * spread by host ({@link HostPlan}), and a server on three loopback addresses records per host the
 * most requests in flight and the smallest gap between request starts. The cluster's case, two
 * executor JVMs, is {@code StandaloneClusterIT}.
 */
class SparkHostLimitsTest {
  /**
   * What the server's clock may see closer than the client's gate let them leave: the gate spaces
   * the moments requests are sent, the server stamps their arrival after loopback delivery and a
   * handler thread's start on a loaded machine.
   */
  static final double CLOCK_TOLERANCE_MILLIS = 20;

  static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("imgdl-host-limits");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aHostsRowsGoToItsOwnTasksAndTheLimitsHoldForTheWholeJob() throws Exception {
    List<String> lines = new ArrayList<>();
    Map<Integer, Integer> hostOfRow = new HashMap<>();
    try (RecordingServer server = new RecordingServer(3, 100)) {
      // 24 rows of host 1 and 4 each of hosts 2 and 3, interleaved: 32 rows over 4 tasks of 8,
      // so host 1 is split over 2 tasks (1 in flight and 5/s each), the others fit in one.
      for (int n = 0; n < 32; n++) {
        int host = n % 4 == 1 ? 2 : n % 8 == 3 ? 3 : n % 8 == 7 ? 3 : 1;
        hostOfRow.put(n, host);
        lines.add(server.url(host, "/img/" + n + ".png"));
      }
      Path input = dir.resolve("urls.txt");
      Files.write(input, lines);
      Path out = dir.resolve("out");

      JobRun run = JobRun.on(spark, "--partitions", "4", "-w", "4", "--per-host", "2",
          "--rate", "10", "--retries", "0", input.toString(), out.toString());

      assertThat(run.code()).as(run.err()).isZero();
      Map<Integer, Set<String>> shards = new HashMap<>();
      Set<Long> ids = new HashSet<>();
      for (Row r : spark.read().parquet(out.resolve("results").toString()).collectAsList()) {
        long id = r.<Long>getAs("id");
        assertThat(ids.add(id)).as("row %d once", id).isTrue();
        assertThat(r.<String>getAs("status")).as("row %d", id).isEqualTo("downloaded");
        shards.computeIfAbsent(hostOfRow.get((int) id), h -> new HashSet<>())
            .add(r.<String>getAs("shard"));
      }
      assertThat(ids).hasSize(32);
      assertThat(shards.get(1)).hasSize(2);
      assertThat(shards.get(2)).hasSize(1);
      assertThat(shards.get(3)).hasSize(1);
      Map<String, RecordingServer.Figures> figures = server.figures();
      System.out.println("SparkHostLimitsTest, local[2], per host: " + figures);
      assertThat(figures).hasSize(3);
      figures.forEach((host, f) -> assertThat(f.mostInFlight()).as(host).isLessThanOrEqualTo(2));
      for (String unsplit : List.of("127.0.0.2", "127.0.0.3")) {
        assertThat(figures.get(unsplit).smallestGapMillis()).as(unsplit)
            .isGreaterThanOrEqualTo(100 - CLOCK_TOLERANCE_MILLIS);
      }
    }
  }
}
