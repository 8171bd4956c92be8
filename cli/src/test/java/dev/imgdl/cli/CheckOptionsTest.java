package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options that say where or how to save are refused with {@code --check}: one line each. */
class CheckOptionsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-o out                          | -o",
      "--output=out                    | -o",
      "--overwrite                     | --overwrite",
      "--output-format files           | --output-format",
      "--subdirs                       | --subdirs",
      "--subdirs=2                     | --subdirs",
      "--output-format webdataset --shard-size 2 | --output-format",
      "--shard-size 2                  | --shard-size",
      "--metadata jsonl                | --metadata",
      "--retry-failed                  | --retry-failed"})
  void anOptionOfSavingIsRefusedWithCheckInOneLine(String options, String named)
      throws Exception {
    Path list = Cli.list(dir, "list.txt", List.of("http://127.0.0.1:9/a.png"));
    List<String> args = new ArrayList<>(List.of("--check"));
    args.addAll(List.of(options.split(" ")));
    args.add(list.toString());

    Cli.Outcome run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: --check saves nothing, so " + named
        + " cannot be used with it" + System.lineSeparator());
    assertThat(run.stdout()).isEmpty();
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }
}
