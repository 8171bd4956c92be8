package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ConfigArgsTest {
  /** A command like the Spark job's: required arguments, one-value and repeatable options. */
  @Command(name = "job")
  static final class Job {
    @Parameters(index = "0") String input;
    @Parameters(index = "1") String output;
    @Option(names = "--rate") double rate;
    @Option(names = "--retries") int retries;
    @Option(names = {"-H", "--header"}) List<String> headers = new ArrayList<>();
    @Option(names = "--overwrite") boolean overwrite;
    @Option(names = "--config") String config;
  }

  private static List<String> merge(String text, String... args) {
    return ConfigArgs.merge(() -> new CommandLine(new Job()), ConfigFile.parse("rc", text),
        List.of(args), Set.of("--config")).words();
  }

  @Test
  void onALineOfSeveralOptionsOnlyTheOneTheCommandLineGivesAgainIsLeftOut() {
    List<String> words = merge("--rate 2 --retries=5 -H 'A: file'\n--overwrite",
        "--rate", "3", "in", "out");

    assertThat(words).containsExactly("--retries=5", "-H", "A: file", "--overwrite",
        "--rate", "3", "in", "out");
  }

  @Test
  void theFilesOptionsComeFirstAndTheCommandLineWinsForOneValueOptions() {
    List<String> words = merge("--rate 2\n--retries=5\n-H 'A: file'\n--overwrite",
        "--retries", "1", "-H", "B: cli", "in", "out");

    assertThat(words).containsExactly("--rate", "2", "-H", "A: file", "--overwrite",
        "--retries", "1", "-H", "B: cli", "in", "out");
    Job job = new Job();
    new CommandLine(job).parseArgs(words.toArray(String[]::new));
    assertThat(job.retries).isEqualTo(1);
    assertThat(job.rate).isEqualTo(2);
    assertThat(job.headers).containsExactly("A: file", "B: cli");
  }

  @Test
  void anUnknownOptionNamesFileAndLineWithTheClosestNames() {
    assertThatThrownBy(() -> merge("\n# x\n--retrys 3", "in", "out"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rc:3: Unknown option: '--retrys'")
        .hasMessageEndingWith("(did you mean --retries?)");
  }

  @Test
  void aMissingOrBadValueNamesFileAndLine() {
    assertThatThrownBy(() -> merge("--rate", "in", "out"))
        .hasMessageStartingWith("rc:1: Missing required parameter for option '--rate'");
    assertThatThrownBy(() -> merge("--overwrite\n--retries x", "in", "out"))
        .hasMessageStartingWith("rc:2: Invalid value for option '--retries'");
  }

  @Test
  void anArgumentThatIsNotAnOptionIsRefused() {
    assertThatThrownBy(() -> merge("--rate 2 urls.txt", "in", "out"))
        .hasMessage("rc:1: 'urls.txt' is not an option: a config file holds options only, "
            + "inputs go on the command line");
  }

  @Test
  void anOptionTheFileMayNotHoldOrOneGivenTwiceIsRefused() {
    assertThatThrownBy(() -> merge("--config other", "in", "out"))
        .hasMessage("rc:1: --config cannot be used in a config file");
    assertThatThrownBy(() -> merge("--rate 1\n\n--rate=2", "in", "out"))
        .hasMessage("rc:3: --rate given again (first on line 1)");
  }

  @Test
  void aCommandLineThatDoesNotParseIsLeftForItsOwnError() {
    assertThat(merge("--retries 5", "--retries", "x", "in", "out"))
        .containsExactly("--retries", "5", "--retries", "x", "in", "out");
  }

  @Test
  void aMessageAboutAnOptionTheFileGaveNamesItsLineAndTheCommandLinesOptionsKeepTheirs() {
    OptionOrigins origins = ConfigArgs.merge(() -> new CommandLine(new Job()),
        ConfigFile.parse("rc", "--rate 2\n--retries 1000\n-H 'A: x'\n-H 'B: y'"),
        List.of("--rate", "3", "in", "out"), Set.of("--config")).origins();

    assertThat(origins.locate("--retries must be 0 to 100, not 1000"))
        .isEqualTo("rc:2: --retries must be 0 to 100, not 1000");
    assertThat(origins.locate("--rate must be at most 10")).isEqualTo("--rate must be at most 10");
    assertThat(origins.locate("--header 'B: y': bad")).isEqualTo("rc: --header 'B: y': bad");
    assertThat(origins.locate("--retriesx is no option")).isEqualTo("--retriesx is no option");
    CommandLine.ParameterException bad = catchThrowableOfType(
        () -> new CommandLine(new Job()).parseArgs("--retries", "x", "in", "out"),
        CommandLine.ParameterException.class);
    assertThat(origins.locate(bad)).startsWith("rc:2: Invalid value for option '--retries'");
  }
}
