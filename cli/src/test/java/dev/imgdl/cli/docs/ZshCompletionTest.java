package dev.imgdl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imgdl.cli.CommandModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zsh completion: what it asks of zsh's {@code _arguments}, and, where zsh is installed,
 * that zsh reads it and {@code compinit} finds it in {@code $fpath} for the imgdl command.
 */
class ZshCompletionTest {
  @TempDir Path dir;

  private final String script = ZshCompletion.of(CommandModel.create().getCommandSpec());

  @Test
  void itIsAFunctionThatCompinitAutoloadsForImgdl() {
    assertThat(script).startsWith("#compdef imgdl\n").contains("\n_arguments -s -S \\\n");
  }

  @Test
  void theEnumeratedOptionsOfferTheirValuesAndTheFileOnesFileNames() {
    assertThat(script.lines().map(String::strip))
        .contains("'(--mode)--mode=[Workers as threads in this JVM, or in child JVMs (see "
            + "--processes)]:thread|process:(thread process)' \\")
        .anyMatch(l -> l.startsWith("'(--metadata)--metadata=[") && l.endsWith(
            ":FORMAT:(parquet jsonl)' \\"))
        .anyMatch(l -> l.startsWith("'(--input-format)--input-format=[") && l.endsWith(
            ":FORMAT:(lines csv tsv jsonl parquet)' \\"))
        .anyMatch(l -> l.startsWith("'(--output-format)--output-format=[") && l.endsWith(
            ":FORMAT:(files webdataset)' \\"))
        .contains("'(-o --output)-o+[Where images go]:DIR:_files -/' \\")
        .anyMatch(l -> l.startsWith("'(--cacert)--cacert=[") && l.endsWith(":FILE:_files' \\"))
        .contains("'(--progress --no-progress)--no-progress[Progress display on standard "
            + "error]' \\")
        .contains("'*:FILE:_files'");
  }

  @Test
  void zshReadsItAndCompinitTakesItForTheImgdlCommand() throws Exception {
    assumeTrue(Program.installed("zsh"), "no zsh on this machine");
    Path functions = Files.createDirectories(dir.resolve("functions"));
    Path file = Files.writeString(functions.resolve("_imgdl"), script);

    Program syntax = Program.run(dir, Map.of(), List.of("zsh", "-n", file.toString()));
    Program compinit = Program.run(dir, Map.of("FUNCTIONS", functions.toString()), List.of(
        "zsh", "-f", "-c", "fpath=($FUNCTIONS $fpath); autoload -Uz compinit && compinit -u -D"
            + " && print -r -- $_comps[imgdl] && autoload -Uz +X _imgdl && print loaded"));

    assertThat(syntax.stderr()).isEmpty();
    assertThat(syntax.exitCode()).isZero();
    assertThat(compinit.stderr()).isEmpty();
    assertThat(compinit.stdout()).isEqualTo("_imgdl\nloaded\n");
  }
}
