package dev.imgdl.cli;

import dev.imgdl.run.Run;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM: the first asks the run to stop and write its report (the main thread then
 * exits 130); the second ends child processes, removes temporary files and exits 130 at once.
 */
final class Interrupts {
  private static final AtomicInteger SIGNALS = new AtomicInteger();

  private Interrupts() {}

  static void install(Run run) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), signal -> onSignal(run));
      } catch (IllegalArgumentException e) {
        // This platform does not have the signal; the default behaviour stays.
      }
    }
  }

  private static void onSignal(Run run) {
    if (SIGNALS.incrementAndGet() == 1) {
      run.interrupt();
      return;
    }
    run.abort();
    System.err.println("imgdl: interrupted twice, stopped at once");
    Runtime.getRuntime().halt(Run.EXIT_INTERRUPTED);
  }
}
