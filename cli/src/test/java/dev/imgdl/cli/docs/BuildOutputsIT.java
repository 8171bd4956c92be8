package dev.imgdl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.CommandModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the build leaves beside target/imgdl.jar for people and for the distribution (the man
 * page and the completion scripts, of today's options), and the two lines a quiet build prints.
 */
class BuildOutputsIT {
  private static final Path TARGET = Path.of(System.getProperty("imgdl.jar")).getParent();

  @Test
  void theBuildLeavesTheManPageAndTheCompletionScriptsOfTheOptionsBesideTheJar() {
    CommandSpec spec = CommandModel.create().getCommandSpec();

    assertThat(TARGET.resolve("man/imgdl.1")).hasContent(ManPage.of(spec));
    assertThat(TARGET.resolve("completion/imgdl.bash")).hasContent(BashCompletion.of(spec));
    assertThat(TARGET.resolve("completion/_imgdl")).hasContent(ZshCompletion.of(spec));
  }

  /**
   * A quiet build of every module, up to test-compile with nothing compiled or copied (the
   * modules' classes are this build's), where the line of the build's end is printed at
   * validate instead of package: a build without building, in a few seconds.
   */
  @Test
  void aQuietBuildSaysOnceThatItStartsAndOnceThatItEnds() throws Exception {
    Program maven = Program.run(TARGET.getParent(), Map.of(), List.of("./mvnw", "-B", "-q",
        "-o", "test-compile", "-Dimgdl.built.phase=validate", "-Dmaven.main.skip",
        "-Dmaven.test.skip", "-Dmaven.resources.skip"));

    assertThat(maven.stdout().lines()).containsExactly(
        "imgdl: building (about a minute; the tests add a few)...",
        "imgdl: built target/imgdl (with imgdl.jar, imgdl-parquet.jar, imgdl-spark.jar, "
            + "man/imgdl.1, completion/)");
    assertThat(maven.stderr()).isEmpty();
    assertThat(maven.exitCode()).isZero();
  }
}
