package dev.imgdl.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The JVM entry point: adapts the standard streams and exits with the run's code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // First, so that a signal at any later moment still ends in a report.
    Interrupts interrupts = Interrupts.install();
    System.exit(ImgdlCommand.run(System.in, System.out, System.err, interrupts, args));
  }

  /** Runs imgdl in-process with the given streams, without touching signal handlers. */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    return ImgdlCommand.run(in, out, err, null, args);
  }
}
