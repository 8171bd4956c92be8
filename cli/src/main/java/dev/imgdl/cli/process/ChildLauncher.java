package dev.imgdl.cli.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts child JVMs with the command line of {@link ChildCommand}: the child JVM options and,
 * where it applies, the {@link ClassDataSharing} archive. Of all the children of a run, only the
 * first that finds no archive writes one, and what it wrote is published when it has exited
 * well; the others start without, rather than wait for it.
 */
final class ChildLauncher {
  private final List<String> jvmOptions;
  private final ClassDataSharing cds;
  private final AtomicBoolean dumpTaken = new AtomicBoolean();
  private volatile Dumper dumper;

  /** A child's command line, and the file it writes the archive to, or null. */
  record Command(List<String> line, Path dumpTo) {}

  /** The child writing the archive. */
  private record Dumper(ChildProcess child, Path dumpTo) {}

  /** @param cds the archive for the children, or null for none */
  ChildLauncher(List<String> jvmOptions, ClassDataSharing cds) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.cds = cds;
  }

  static ChildLauncher forThisJvm(List<String> jvmOptions) {
    return new ChildLauncher(jvmOptions, ClassDataSharing.forThisJvm(jvmOptions));
  }

  /** The command line of the next child. */
  Command next() {
    if (cds == null) {
      return new Command(ChildCommand.of(jvmOptions), null);
    }
    ClassDataSharing.ChildOptions sharing = cds.options(!dumpTaken.getAndSet(true));
    List<String> options = new ArrayList<>(jvmOptions);
    options.addAll(sharing.jvmOptions());
    return new Command(ChildCommand.of(options), sharing.dumpTo());
  }

  /** Spawns the next child, with no shell in between. */
  ChildProcess spawn(String label) throws IOException {
    Command command = next();
    ChildProcess child = new ChildProcess(label, new ProcessBuilder(command.line()).start());
    if (command.dumpTo() != null) {
      dumper = new Dumper(child, command.dumpTo());
    }
    return child;
  }

  /** Publishes the archive if {@code child} was writing it; call once it has exited. */
  void exited(ChildProcess child, int exitCode) {
    Dumper d = dumper;
    if (d != null && d.child() == child) {
      cds.publish(d.dumpTo(), exitCode);
    }
  }
}
