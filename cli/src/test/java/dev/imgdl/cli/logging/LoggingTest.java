package dev.imgdl.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.imgdl.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log level each {@code -v} count and {@code -q} select, and what each level lets through
 * Logback's console appender to standard error. The level is global: every test puts it back.
 */
class LoggingTest {
  private static final Logger log = LoggerFactory.getLogger(LoggingTest.class);
  private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  @TempDir Path dir;

  @AfterEach
  void backToTheDefault() {
    Logging.setLevel("WARN");
  }

  @ParameterizedTest
  @CsvSource({"0,false,WARN", "1,false,INFO", "2,false,DEBUG", "3,false,TRACE", "9,false,TRACE",
      "0,true,ERROR", "3,true,ERROR"})
  void eachCountOfVerboseSelectsALevelAndQuietWins(int verbosity, boolean quiet, String level) {
    assertThat(Logging.levelFor(verbosity, quiet)).isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({"ERROR,ERROR", "WARN,WARN ERROR", "INFO,INFO WARN ERROR",
      "DEBUG,DEBUG INFO WARN ERROR", "TRACE,TRACE DEBUG INFO WARN ERROR"})
  void eachLevelPrintsItsOwnAndMoreSevereMessagesToStandardError(String level, String shown) {
    Logging.setLevel(level);
    List<String> printed = linesLoggedAtEveryLevel();
    List<String> expected = new ArrayList<>();
    for (String l : shown.split(" ")) {
      expected.add(l + " LoggingTest: a message at " + l);
    }
    assertThat(printed).containsExactlyElementsOf(expected);
  }

  @Test
  void anUnknownLevelNameFallsBackToWarnAndNoneLeavesTheLevelAlone() {
    Logging.setLevel("DEBUG");
    Logging.setLevel(null);
    assertThat(effectiveLevel()).isEqualTo(Level.DEBUG);
    Logging.setLevel("chatty");
    assertThat(effectiveLevel()).isEqualTo(Level.WARN);
  }

  @ParameterizedTest
  @CsvSource({"'',WARN", "-v,INFO", "-vv,DEBUG", "-vvv,TRACE", "-v -v,DEBUG", "-vvvv,TRACE",
      "-q,ERROR"})
  void theCommandSetsTheLevelOfImgdlsLoggersFromItsFlags(String flags, String level) {
    Logging.setLevel("OFF");
    List<String> args = new ArrayList<>(List.of("-o", dir.resolve("out").toString()));
    if (!flags.isEmpty()) {
      args.addAll(Arrays.asList(flags.split(" ")));
    }
    Cli.Outcome run = Cli.runWithStdin("# nothing to do\n", args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(effectiveLevel()).isEqualTo(Level.toLevel(level));
  }

  @ParameterizedTest
  @CsvSource({"WARN,'',''", "INFO,'',OWN", "DEBUG,LIB,OWN", "TRACE,LIB,OWN LIB"})
  void librariesSayNothingBelowErrorAndNoStackTraceUntilAskedForMore(String level,
      String warns, String traces) {
    Logging.setLevel(level);
    Logger library = LoggerFactory.getLogger("org.apache.parquet.CorruptStatistics");
    String printed = captured(() -> {
      library.warn("LIB warns", new IllegalStateException("LIB's trace"));
      library.error("LIB errs");
      log.warn("OWN warns", new IllegalStateException("OWN's trace"));
    });

    assertThat(printed).contains("ERROR CorruptStatistics: LIB errs")
        .contains("WARN LoggingTest: OWN warns");
    for (String who : List.of("OWN", "LIB")) {
      assertThat(printed.contains(who + " warns")).as(who + " warns").isEqualTo(
          who.equals("OWN") || warns.contains(who));
      assertThat(printed.contains("IllegalStateException: " + who + "'s trace"))
          .as(who + "'s stack trace").isEqualTo(traces.contains(who));
    }
  }

  private static String captured(Runnable logging) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      logging.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** What one message at each level, from an imgdl logger, prints on standard error. */
  private static List<String> linesLoggedAtEveryLevel() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      log.trace("a message at TRACE");
      log.debug("a message at DEBUG");
      log.info("a message at INFO");
      log.warn("a message at WARN");
      log.error("a message at ERROR");
    } finally {
      System.setErr(original);
    }
    // Only this test's lines: a thread left over by another test may log meanwhile.
    return captured.toString(StandardCharsets.UTF_8).lines()
        .filter(line -> line.contains("LoggingTest: "))
        .toList();
  }

  private static Level effectiveLevel() {
    ch.qos.logback.classic.Logger exchange =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.imgdl.core.download.Exchange");
    return exchange.getEffectiveLevel();
  }
}
