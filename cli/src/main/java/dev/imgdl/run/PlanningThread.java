package dev.imgdl.run;

import dev.imgdl.input.InputOptions;
import dev.imgdl.input.InputReader;
import dev.imgdl.input.Plan;
import dev.imgdl.input.Planner;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Plans on a thread of its own, since a read from standard input cannot be interrupted: {@link
 * #stop} makes {@link #plan} return at once with what was planned so far, and leaves that thread
 * behind, blocked or not. It is a daemon, so it never keeps the JVM alive.
 */
final class PlanningThread {
  private final Planner planner;
  private final List<String> inputs;
  /** Completed by the planner thread with the plan, or with null by {@link #stop}. */
  private final CompletableFuture<Plan> planned = new CompletableFuture<>();

  PlanningThread(InputStream stdin, List<String> inputs) {
    this(stdin, inputs, InputOptions.DEFAULT);
  }

  PlanningThread(InputStream stdin, List<String> inputs, InputOptions options) {
    this.planner = new Planner(new InputReader(stdin, options));
    this.inputs = inputs;
  }

  /**
   * Plans the inputs and waits for the plan, or for {@link #stop}; call once. An input that
   * cannot be read is thrown as the planner threw it.
   */
  Plan plan() {
    if (planned.isDone()) {
      // Stopped before it started: read nothing.
      return planner.stop();
    }
    Thread thread = new Thread(() -> {
      try {
        planned.complete(planner.plan(inputs));
      } catch (RuntimeException | Error e) {
        planned.completeExceptionally(e);
      }
    }, "imgdl-planner");
    thread.setDaemon(true);
    thread.start();
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

  /** Makes {@link #plan} return what was planned so far; safe from a signal handler, at once. */
  void stop() {
    planned.complete(null);
  }
}
