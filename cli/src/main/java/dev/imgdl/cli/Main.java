package dev.imgdl.cli;

import dev.imgdl.cli.report.CheckedPrintStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The JVM entry point: adapts the standard streams and exits with the run's code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // First, so that a signal at any later moment still ends in a report.
    Interrupts interrupts = Interrupts.install();
    // Standard output carries the report: a stream that keeps its write error can say why the
    // report was lost (a closed pipe, a full disk), where System.out would drop the cause.
    PrintStream out = new CheckedPrintStream(new FileOutputStream(FileDescriptor.out));
    System.exit(ImgdlCommand.run(ClosedInput.standardInput(), out, System.err, interrupts,
        System.getenv(), args));
  }

  /**
   * Runs imgdl in-process with the given streams, without touching signal handlers, and
   * without the proxies of this JVM's environment.
   */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    return run(in, out, err, Map.of(), args);
  }

  /** Runs imgdl in-process with the given streams and environment (for its proxy variables). */
  public static int run(InputStream in, PrintStream out, PrintStream err,
      Map<String, String> env, String... args) {
    return ImgdlCommand.run(in, out, err, null, env, args);
  }
}
