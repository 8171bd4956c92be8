package dev.imgdl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imgdl.cli.CommandModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash completion script, sourced in a non-interactive bash as bash-completion would, its
 * function called with COMP_WORDS, COMP_CWORD and COMP_LINE set as bash sets them on a Tab.
 */
class BashCompletionTest {
  @TempDir Path dir;

  private Path script;

  @BeforeEach
  void writeTheScriptAndSomeFiles() throws Exception {
    assumeTrue(Program.installed("bash"), "no bash on this machine");
    script = Files.writeString(dir.resolve("imgdl.bash"),
        BashCompletion.of(CommandModel.create().getCommandSpec()));
    Files.createDirectories(dir.resolve("work/pictures"));
    Files.writeString(dir.resolve("work/urls.txt"), "");
    Files.writeString(dir.resolve("work/photos.parquet"), "");
  }

  /** What the completion offers after {@code imgdl} and {@code words}, the last one typed. */
  private List<String> complete(String... words) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", "-c",
        ". \"$1\" && shift && COMP_WORDS=(imgdl \"$@\") && COMP_CWORD=$# && "
            + "COMP_LINE=\"${COMP_WORDS[*]}\" && COMP_POINT=${#COMP_LINE} && _imgdl && "
            + "printf '%s\\n' \"${COMPREPLY[@]}\"", "bash", script.toString()));
    command.addAll(List.of(words));
    Program bash = Program.run(dir.resolve("work"), Map.of(), command);
    assertThat(bash.stderr()).isEmpty();
    assertThat(bash.exitCode()).isZero();
    return bash.stdout().lines().filter(line -> !line.isEmpty()).toList();
  }

  @Test
  void anOptionCompletesFromItsFirstLetters() throws Exception {
    assertThat(complete("--mo")).containsExactly("--mode");
    assertThat(complete("--no-pr")).containsExactly("--no-progress");
    assertThat(complete("--out")).containsExactly("--output", "--output-format");
  }

  @Test
  void theModeCompletesToItsTwoValues() throws Exception {
    assertThat(complete("--mode", "")).containsExactly("thread", "process");
    assertThat(complete("--mode", "p")).containsExactly("process");
  }

  @Test
  void aValueAfterAnEqualsSignCompletesAsOneAfterASpace() throws Exception {
    // bash splits --mode=p into --mode, = and p.
    assertThat(complete("--mode", "=")).containsExactly("thread", "process");
    assertThat(complete("--mode", "=", "p")).containsExactly("process");
  }

  @Test
  void theFormatsCompleteToTheValuesTheirChecksAccept() throws Exception {
    assertThat(complete("--metadata", "")).containsExactly("parquet", "jsonl");
    assertThat(complete("--input-format", ""))
        .containsExactly("lines", "csv", "tsv", "jsonl", "parquet");
    assertThat(complete("--output-format", "")).containsExactly("files", "webdataset");
  }

  @Test
  void aFileArgumentAndTheFileOptionsCompleteToFileNames() throws Exception {
    assertThat(complete("")).containsExactlyInAnyOrder("pictures", "urls.txt", "photos.parquet");
    assertThat(complete("-q", "u")).containsExactly("urls.txt");
    for (String option : List.of("--report", "--failed", "--cacert")) {
      assertThat(complete(option, "ph")).as(option).containsExactly("photos.parquet");
    }
  }

  @Test
  void theOutputFolderCompletesToFolderNamesOnly() throws Exception {
    assertThat(complete("-o", "")).containsExactly("pictures");
    assertThat(complete("--output", "=", "")).containsExactly("pictures");
  }

  @Test
  void anOptionThatTakesAValueOfTheUsersOwnOffersNothing() throws Exception {
    assertThat(complete("-w", "")).isEmpty();
    assertThat(complete("--proxy", "")).isEmpty();
  }

  @Test
  void theScriptRegistersItsFunctionForTheImgdlCommand() throws Exception {
    Program bash = Program.run(dir, Map.of(),
        List.of("bash", "-c", ". \"$1\" && complete -p imgdl", "bash", script.toString()));
    assertThat(bash.stdout().strip()).isEqualTo("complete -F _imgdl imgdl");
  }
}
