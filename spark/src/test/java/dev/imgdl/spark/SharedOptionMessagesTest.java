package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.config.BadOptionValues;
import dev.imgdl.core.text.ConsoleText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The options the Spark job shares with the CLI refuse a bad value with the message of {@link
 * BadOptionValues}, word for word (the CLI's test asserts the same lines), before a Spark session
 * is asked for.
 */
class SharedOptionMessagesTest {
  @TempDir Path dir;

  static List<BadOptionValues.Case> cases() {
    return BadOptionValues.CASES;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadSharedValueIsTheSameOneLineAsInTheCli(BadOptionValues.Case bad) throws Exception {
    Path input = Files.writeString(dir.resolve("in.csv"), "url\nhttp://127.0.0.1:1/a.png\n");
    List<String> args = new ArrayList<>(bad.args());
    args.addAll(List.of(input.toString(), dir.resolve("out").toString()));
    JobRun run = JobRun.withoutSession(args);

    assertThat(run.asked()).as("a session was asked for").isFalse();
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("imgdl: error: " + ConsoleText.safe(bad.message())
        + (bad.parseError() ? " (see imgdl-spark --help)" : "") + "\n");
  }

  @Test
  void verifyHashOverAListIsRefusedInTheClisWordsBeforeASessionIsAskedFor() throws Exception {
    Path input = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:1/a.png\n");
    JobRun run = JobRun.withoutSession("--verify-hash", "h", input.toString(),
        dir.resolve("out").toString());

    assertThat(run.asked()).as("a session was asked for").isFalse();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("imgdl: error: --verify-hash needs a table (csv, tsv, "
        + "jsonl or parquet): " + input + " is read as a list of URLs\n");
  }

  @Test
  void helpShowsTheSharedWordsAndSaysTheHostLimitsHoldForTheWholeJob() {
    JobRun help = JobRun.withoutSession("--help");

    assertThat(help.code()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("At most N requests in flight to one host, 0 to 100000; 0 = no cap.")
        .contains("Number of chunks and workers, 1 to 256.")
        .contains("DURATION: seconds, or a number with ms, s, m, h")
        .contains("-w is the download threads of each task. With --per-host or --rate the "
            + "rows are spread over the tasks by host, so that the limits hold for the whole "
            + "job: a host split over k tasks gives each N/k in flight (at least 1: k is at "
            + "most N) and R/k per second.");
  }

  @Test
  void aConfigFileGivesTheJobItsOptionsUnderTheCommandLinesBeforeASessionIsAskedFor()
      throws Exception {
    Path input = Files.writeString(dir.resolve("in.csv"), "url\nhttp://127.0.0.1:1/a.png\n");
    Path config = Files.writeString(dir.resolve("job.conf"), "# the job's defaults\n"
        + "--partitions 0\n--retries=1000\n");
    Path notOfTheJob = Files.writeString(dir.resolve("cli.conf"), "--netrc\n");

    JobRun bad = JobRun.withoutSession("--config", config.toString(), "--partitions", "2", input.toString(),
        dir.resolve("out").toString());
    JobRun good = JobRun.withoutSession("--config", config.toString(), "--partitions", "2", "--retries", "1",
        input.toString(), dir.resolve("out").toString());
    JobRun unknown = JobRun.withoutSession("--config", notOfTheJob.toString(), input.toString(),
        dir.resolve("out").toString());
    JobRun badOnCommandLine = JobRun.withoutSession("--config", config.toString(), "--partitions", "2",
        "--retries", "101", input.toString(), dir.resolve("out").toString());

    assertThat(bad.asked()).isFalse();
    assertThat(bad.err()).isEqualTo("imgdl: error: " + config
        + ":3: --retries must be 0 to 100, not 1000\n");
    assertThat(badOnCommandLine.err())
        .isEqualTo("imgdl: error: --retries must be 0 to 100, not 101\n");
    assertThat(good.asked()).as(good.err()).isTrue();
    assertThat(unknown.asked()).isFalse();
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("imgdl: error: " + notOfTheJob
        + ":1: Unknown option: '--netrc'\n");
  }
}
