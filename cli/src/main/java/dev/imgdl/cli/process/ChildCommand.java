package dev.imgdl.cli.process;

import dev.imgdl.cli.process.child.ChildMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM: this JVM's own {@code java} binary and class path, its
 * network system properties ({@link NetworkProperties}), the child JVM options, and {@link
 * ChildMain}. Arguments are passed as a list, never through a shell, so
 * paths with spaces work.
 */
final class ChildCommand {
  private ChildCommand() {}

  public static List<String> of(List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // The JVM's own messages go to stderr: stdout carries results only. Unified logging has
    // its own setting; DisplayVMOutputToStderr covers the rest, such as the line that
    // ExitOnOutOfMemoryError prints.
    command.add("-XX:+DisplayVMOutputToStderr");
    command.add("-Xlog:disable");
    command.add("-Xlog:all=error:stderr");
    // A child out of memory must die, so that the parent runs its entries again, not linger.
    command.add("-XX:+ExitOnOutOfMemoryError");
    // As the launcher's JVM (src/main/launcher/imgdl): no JDK 24+ warnings about native code or
    // sun.misc.Unsafe from the libraries, and the options the launcher's AOT cache was made with.
    if (Runtime.version().feature() >= 24) {
      command.add("--enable-native-access=ALL-UNNAMED");
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    // Before the child options, so that --child-java-options can still override one of them.
    command.addAll(NetworkProperties.options(System.getProperties()));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(ChildMain.class.getName());
    return command;
  }

  static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static String classPath() {
    String[] parts = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
    List<String> absolute = new ArrayList<>();
    for (String part : parts) {
      if (!part.isEmpty()) {
        absolute.add(Path.of(part).toAbsolutePath().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, absolute);
  }
}
