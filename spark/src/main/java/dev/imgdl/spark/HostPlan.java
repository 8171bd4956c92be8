package dev.imgdl.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Which task downloads each row when {@code --per-host} or {@code --rate} limits a host, so that
 * the limits hold for the whole cluster and not per executor: a host's rows go to one task, or,
 * when the host has more rows than a task should hold (the rows to download over the
 * partitions), to k tasks, each holding 1/k of the host's limits ({@code --per-host / k} in
 * flight, rounded down, and {@code --rate / k} per second). With {@code --per-host N}, k is at
 * most N, so that each task keeps at least one request in flight and the shares add up to at most
 * N. Slices go to the least loaded partitions, the largest first; two slices of a host never
 * share a partition.
 */
final class HostPlan implements Serializable {
  private final int perHost;
  private final double rate;
  /** Per host, the partition of each of its slices. */
  private final Map<String, int[]> slices;

  private HostPlan(int perHost, double rate, Map<String, int[]> slices) {
    this.perHost = perHost;
    this.rate = rate;
    this.slices = slices;
  }

  /** The limits one task holds for a host: most in flight (0: no cap), most starts per second. */
  record Share(int perHost, double rate) implements Serializable {}

  /** Whether the settings limit hosts, so that rows are spread by host at all. */
  static boolean applies(int perHost, double rate) {
    return perHost > 0 || rate > 0;
  }

  /** The plan for {@code counts} (rows to download per host) over {@code partitions} tasks. */
  static HostPlan of(Map<String, Long> counts, int partitions, int perHost, double rate) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    long perTask = Math.max(1, (total + partitions - 1) / partitions);
    List<Map.Entry<String, Long>> hosts = new ArrayList<>(counts.entrySet());
    hosts.sort(Map.Entry.<String, Long>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    long[] load = new long[partitions];
    PriorityQueue<Integer> lightest = new PriorityQueue<>(
        Comparator.<Integer>comparingLong(p -> load[p]).thenComparingInt(p -> p));
    for (int p = 0; p < partitions; p++) {
      lightest.add(p);
    }
    Map<String, int[]> slices = new HashMap<>();
    for (Map.Entry<String, Long> host : hosts) {
      int k = slicesOf(host.getValue(), perTask, partitions, perHost);
      int[] where = new int[k];
      // k polls give k different partitions: a host's slices never share one.
      for (int i = 0; i < k; i++) {
        where[i] = lightest.poll();
      }
      long each = (host.getValue() + k - 1) / k;
      for (int p : where) {
        load[p] += each;
        lightest.add(p);
      }
      slices.put(host.getKey(), where);
    }
    return new HostPlan(perHost, rate, slices);
  }

  /** How many tasks a host of {@code rows} rows is split over. */
  static int slicesOf(long rows, long perTask, int partitions, int perHost) {
    long k = Math.max(1, (rows + perTask - 1) / perTask);
    k = Math.min(k, partitions);
    if (perHost > 0) {
      k = Math.min(k, perHost);
    }
    return (int) k;
  }

  /** The partition that downloads the row {@code id} of {@code host}. */
  int partition(String host, long id) {
    int[] where = slices.get(host);
    if (where == null) {
      throw new IllegalStateException("host not in the plan: " + host);
    }
    return where[slice(id, where.length)];
  }

  /** How many tasks download {@code host}'s rows; 0 for a host the plan does not hold. */
  int tasks(String host) {
    int[] where = slices.get(host);
    return where == null ? 0 : where.length;
  }

  /** What one task of {@code host} holds, or null for a host the plan does not hold. */
  Share share(String host) {
    int k = tasks(host);
    if (k == 0) {
      return null;
    }
    return new Share(perHost > 0 ? Math.max(1, perHost / k) : 0, rate > 0 ? rate / k : 0);
  }

  /**
   * The slice of a row: its id scrambled (a Fibonacci hash), so that hosts whose rows alternate
   * in the input do not all land in the same slice, as {@code id % k} would put them.
   */
  private static int slice(long id, int k) {
    return (int) Long.remainderUnsigned(id * 0x9E3779B97F4A7C15L >>> 17, k);
  }
}
