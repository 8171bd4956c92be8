package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "Dataset outputs" options: their help group, and the values and mixes refused. */
class DatasetOptionsTest {
  @TempDir Path dir;

  @Test
  void helpListsTheDatasetOutputOptionsInTheirOwnGroup() {
    String help = Cli.run("--help").stdout();
    int group = help.indexOf("Dataset outputs:");
    assertThat(group).as(help).isPositive();
    for (String option : List.of("--output-format=FORMAT", "--subdirs[=N]", "--shard-size=N",
        "--metadata=FORMAT")) {
      assertThat(help.lastIndexOf(option)).as(option).isGreaterThan(group);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--output-format=zip", "--subdirs=", "--subdirs=0",
      "--subdirs=1000001", "--subdirs=99999999999999999999",
      "--output-format=webdataset --subdirs", "--output-format=webdataset --shard-size=0",
      "--shard-size=10", "--metadata=jsonl", "--output-format=webdataset --metadata=csv"})
  void valuesAndMixesThatWouldBeIgnoredAreUsageErrors(String options) throws Exception {
    Path list = Cli.list(dir, "l.txt", List.of("http://127.0.0.1:9/a.png"));
    List<String> args = new ArrayList<>(List.of(options.split(" ")));
    args.addAll(List.of("-o", dir.resolve("out").toString(), list.toString()));
    Cli.Outcome run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("imgdl: error: --");
    assertThat(run.stderr().strip().lines()).hasSize(1);
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }
}
