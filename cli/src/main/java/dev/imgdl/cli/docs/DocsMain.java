package dev.imgdl.cli.docs;

import dev.imgdl.cli.CommandModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the man page and the completion scripts of imgdl under a build's {@code target/}
 * folder: {@code man/imgdl.1}, {@code completion/imgdl.bash} and {@code completion/_imgdl}. The
 * build runs it once during {@code package}, inside Maven's JVM (exec-maven-plugin's java goal);
 * a run of imgdl never loads it.
 */
public final class DocsMain {
  private DocsMain() {}

  /** {@code args[0]}: the folder to write into. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DocsMain TARGET-FOLDER");
    }
    Path target = Path.of(args[0]);
    CommandSpec spec = CommandModel.create().getCommandSpec();
    String name = spec.name();
    write(target.resolve("man").resolve(name + ".1"), ManPage.of(spec));
    write(target.resolve("completion").resolve(name + ".bash"), BashCompletion.of(spec));
    write(target.resolve("completion").resolve("_" + name), ZshCompletion.of(spec));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
