package dev.imgdl.spark;

import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.download.LocalHostGate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host gate of one task when rows are spread by host ({@link HostPlan}): a host of the plan
 * gets the task's share of the limits, in a gate of the task's own, so that two tasks of a split
 * host on one executor hold a share each and never the executor's whole limit. A host the plan
 * does not hold (one a redirect leads to) goes through the executor's gate, with the full limits.
 */
final class TaskHostGate implements HostGate {
  private final HostPlan plan;
  private final HostGate executor;
  private final ConcurrentHashMap<String, HostGate> planned = new ConcurrentHashMap<>();

  TaskHostGate(HostPlan plan, HostGate executor) {
    this.plan = plan;
    this.executor = executor;
  }

  @Override
  public Permit acquire(String host, long deadlineNanos) throws InterruptedException {
    HostPlan.Share share = plan.share(host);
    if (share == null) {
      return executor.acquire(host, deadlineNanos);
    }
    return planned.computeIfAbsent(host, h -> LocalHostGate.of(share.perHost(), share.rate()))
        .acquire(host, deadlineNanos);
  }
}
