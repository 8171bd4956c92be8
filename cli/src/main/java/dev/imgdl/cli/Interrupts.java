package dev.imgdl.cli;

import dev.imgdl.cli.run.ExitCode;
import dev.imgdl.cli.run.Run;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM. The handlers are installed first thing in {@code main}, before anything
 * that can take time, so that no signal meets the JVM's default handling (which would exit
 * without a report). The first signal asks the run to stop and write its report; one that comes
 * before the run exists is remembered and handed to it when it is attached. The second ends
 * child processes, removes temporary files and exits 130 at once.
 */
final class Interrupts {
  private final AtomicInteger signals = new AtomicInteger();
  private volatile Run run;

  /** Routes signals given to {@link #onSignal}; {@link #install} hooks it to the JVM's. */
  Interrupts() {}

  /** Installs the handlers for this JVM; call once, from {@code main}. */
  static Interrupts install() {
    Interrupts interrupts = new Interrupts();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(new Signal(name), signal -> interrupts.onSignal());
      } catch (IllegalArgumentException e) {
        // This platform does not have the signal; the default behaviour stays.
      }
    }
    return interrupts;
  }

  /** From now on signals go to {@code run}; one that already came interrupts it at once. */
  void attach(Run run) {
    this.run = run;
    if (signals.get() > 0) {
      run.interrupt();
    }
  }

  void onSignal() {
    int count = signals.incrementAndGet();
    Run target = run;
    if (count == 1) {
      if (target != null) {
        target.interrupt();
      }
      return;
    }
    if (target != null) {
      target.abort();
    }
    System.err.println("imgdl: interrupted twice, stopped at once");
    System.err.flush();
    Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
  }
}
