package dev.imgdl.cli.run;

import dev.imgdl.cli.output.Destination;
import dev.imgdl.cli.worker.Collector;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.cli.worker.Workers;
import dev.imgdl.core.input.Plan;
import dev.imgdl.core.input.Planner;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Deals the planner's entries as they are planned, on the planning thread: task {@code i} of the
 * plan to chunk {@code i % N} (round-robin in input order, as a plan read to its end would be
 * dealt), placed where its destination wants it written, settled at once as skipped when the
 * destination has it already (a file from the one listing made before planning, a complete
 * shard), or else handed to its chunk's worker; invalid and duplicate entries go to the
 * collector. It keeps what each chunk was dealt, so that it can settle what no worker ran once
 * the run has stopped.
 */
final class Dealer implements Planner.Listener {
  private final Destination destination;
  private final Workers workers;
  private final BlockingQueue<WorkerEvent> events;
  private final List<List<Task>> dealt = new ArrayList<>();
  private int next;

  Dealer(int chunks, Destination destination, Workers workers,
      BlockingQueue<WorkerEvent> events) {
    for (int i = 0; i < chunks; i++) {
      dealt.add(new ArrayList<>());
    }
    this.destination = destination;
    this.workers = workers;
    this.events = events;
  }

  @Override
  public void task(Task planned) {
    int worker = next;
    next = (next + 1) % dealt.size();
    Task task = destination.place(planned);
    Result skipped = destination.skip(task, worker);
    if (skipped != null) {
      events.add(new WorkerEvent.Finished(skipped));
      return;
    }
    dealt.get(worker).add(task);
    workers.deal(worker, task);
  }

  @Override
  public void decided(Result result) {
    events.add(new WorkerEvent.Finished(result));
  }

  /**
   * What each chunk was dealt to download, by worker; read it once planning has ended or been
   * stopped.
   */
  List<List<Task>> dealt() {
    return dealt;
  }

  /**
   * Files what reached the queue but not the collector, and what the plan decided, then fails
   * the entries that still have no result, because the run stopped first, as {@code
   * interrupted}, each for the worker whose chunk it was dealt to: the one place that settles an
   * entry no worker ran, whichever the mode. Call it once planning has ended or been stopped.
   */
  void settle(Plan plan, BlockingQueue<WorkerEvent> events, Collector collector) {
    for (WorkerEvent e; (e = events.poll()) != null; ) {
      if (!(e instanceof WorkerEvent.Exited)) {
        collector.accept(e);
      }
    }
    for (Result decided : plan.decided()) {
      if (decided != null) {
        collector.accept(new WorkerEvent.Finished(decided));
      }
    }
    for (int worker = 0; worker < dealt.size(); worker++) {
      for (Task task : dealt.get(worker)) {
        if (!collector.settled(task.index())) {
          collector.accept(new WorkerEvent.Finished(Result.interrupted(task.index(), worker)));
        }
      }
    }
  }
}
