package dev.imgdl.cli.run;

import dev.imgdl.core.input.InputOptions;
import dev.imgdl.core.input.InputReader;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.input.Plan;
import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.input.Planner;
import dev.imgdl.core.source.InputException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Plans on a thread of its own, telling the planner's listener of each entry as it goes, since
 * a read from standard input cannot be interrupted: {@link #stop} makes {@link #plan} return at
 * once with what was planned so far, and leaves that thread behind, blocked or not. It is a
 * daemon, so it never keeps the JVM alive.
 */
final class PlanningThread {
  private final Planner planner;
  private final List<String> inputs;
  /** Completed by the planner thread with the plan, or with null by {@link #stop}. */
  private final CompletableFuture<Plan> planned = new CompletableFuture<>();
  private boolean started;

  PlanningThread(InputStream stdin, List<String> inputs) {
    this(stdin, inputs, InputOptions.DEFAULT, Planner.Listener.NONE, new NamePlanner());
  }

  PlanningThread(InputStream stdin, List<String> inputs, InputOptions options,
      Planner.Listener listener, NamePlanner names) {
    this.planner = new Planner(new InputReader(stdin, options), listener, names);
    this.inputs = inputs;
  }

  /** The plan as it grows. */
  PlanView view() {
    return planner;
  }

  /**
   * Starts planning, unless stopped already; call once. {@code ended} runs on the planning
   * thread when the input was read to its end (with null), or could not be read (with the
   * {@link InputException}), or planning died (with a {@link RunFailure}); not after {@link
   * #stop}.
   */
  synchronized void start(Consumer<RuntimeException> ended) {
    started = true;
    if (planned.isDone()) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        Plan plan = planner.plan(inputs);
        if (plan.complete()) {
          ended.accept(null);
        }
        planned.complete(plan);
      } catch (InputException e) {
        ended.accept(e);
        planned.completeExceptionally(e);
      } catch (Throwable t) {
        // Anything else ends the run too, or the collector would wait for an end of planning
        // that never comes.
        RunFailure failure = RunFailure.of(t);
        ended.accept(failure);
        planned.completeExceptionally(failure);
      }
    }, "imgdl-planner");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Waits for the plan, or for {@link #stop}, starting the planning if not started yet. An input
   * that cannot be read is thrown as the planner threw it; {@link #partial} then has what was
   * planned before it.
   */
  Plan plan() {
    synchronized (this) {
      if (!started) {
        start(e -> {});
      }
    }
    Plan plan;
    try {
      plan = planned.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    return plan != null ? plan : planner.stop();
  }

  /** What was planned so far, the reading stopped: for a run whose input could not be read. */
  Plan partial() {
    return planner.stop();
  }

  /** Makes {@link #plan} return what was planned so far; safe from a signal handler, at once. */
  void stop() {
    planned.complete(null);
  }
}
