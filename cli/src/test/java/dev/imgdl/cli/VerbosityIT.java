package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forks the built jar, whose Logback console appender writes to the real standard error, and
 * checks which log lines each verbosity lets through: WARN and above by default, DEBUG (every
 * request and its status) from {@code -vv}, every request's and response's lines and headers
 * from {@code -vvv}, ERROR only with {@code -q}, in both worker modes.
 */
class VerbosityIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();
  private Process imgdl;
  private String base;

  @BeforeEach
  void serveAMissingImageAndARedirect() {
    base = server.baseUrl();
    server.stubFor(get("/missing.png").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/old.png")
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/new.png")));
    server.stubFor(get("/new.png").willReturn(
        aResponse().withHeader("Content-Type", "image/png").withBody(Images.png())));
  }

  @AfterEach
  void killLeftovers() {
    if (imgdl != null && imgdl.isAlive()) {
      imgdl.descendants().forEach(ProcessHandle::destroyForcibly);
      imgdl.destroyForcibly();
    }
  }

  /** Runs the jar on the two-entry list with {@code flags}; returns its standard error. */
  private String run(String flags, String... more) throws Exception {
    return run(server.list(base + "/missing.png", base + "/old.png"), 1, flags, more);
  }

  /** Runs the jar on {@code list}, expecting {@code exit}; returns its standard error. */
  private String run(Path list, int exit, String flags, String... more) throws Exception {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
        System.getProperty("imgdl.jar"), "--no-progress", "-o", server.out().toString()));
    if (!flags.isEmpty()) {
      command.addAll(Arrays.asList(flags.split(" ")));
    }
    command.addAll(List.of(more));
    command.add(list.toString());
    Path stderr = dir.resolve("stderr.txt");
    imgdl = new ProcessBuilder(command)
        .redirectError(stderr.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .start();
    assertThat(imgdl.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(imgdl.exitValue()).as(err).isEqualTo(exit);
    return err;
  }

  private List<String> requestLines(String prefix) {
    return List.of(
        prefix + "DEBUG Exchange: GET " + base + "/missing.png -> 404",
        prefix + "DEBUG Exchange: GET " + base + "/old.png -> 302",
        prefix + "DEBUG Exchange: GET " + base + "/new.png -> 200");
  }

  private static List<String> logLines(String stderr, String level) {
    return stderr.lines().filter(l -> l.matches("(\\[worker \\d+\\] )?" + level + " .*")).toList();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource({"'',false,false", "-v,true,false", "-vv,true,true", "-vvv,true,true"})
  void requestsAreLoggedFromTwoVerboseOnInThreadMode(String flags, boolean info, boolean debug)
      throws Exception {
    String err = run(flags, "--mode", "thread");

    assertThat(err.lines()).contains(dir.resolve("list.txt") + ":1 " + base
        + "/missing.png: HTTP 404");
    assertThat(err).contains("imgdl: 2 entries: 1 downloaded, 0 skipped, 1 failed");
    if (debug) {
      assertThat(err.lines()).containsAll(requestLines(""));
    } else {
      assertThat(logLines(err, "DEBUG")).isEmpty();
    }
    String planned = "INFO Run: 2 entries planned in ";
    if (info) {
      assertThat(err.lines()).anyMatch(l -> l.startsWith(planned));
    } else {
      assertThat(logLines(err, "INFO")).isEmpty();
    }
    // -vvv's wire lines are the only TRACE lines.
    List<String> trace = logLines(err, "TRACE");
    if (flags.equals("-vvv")) {
      assertThat(trace).isNotEmpty().allMatch(l -> l.startsWith("TRACE WireLog: #"));
    } else {
      assertThat(trace).isEmpty();
    }
    assertThat(logLines(err, "(WARN|ERROR)")).as("nothing went wrong").isEmpty();
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource({"'',false", "-vv,true"})
  void childLogsReachStandardErrorPrefixedWithTheirWorkerAtTheParentsLevel(String flags,
      boolean debug) throws Exception {
    // Two workers: the entries are dealt round-robin, the 404 to worker 0, the redirect to 1;
    // two processes, whatever the cores, so that each child runs one chunk and is named by it.
    String err = run(flags, "--mode", "process", "-w", "2", "--processes", "2");

    assertThat(err).contains("imgdl: 2 entries: 1 downloaded, 0 skipped, 1 failed");
    if (debug) {
      assertThat(err.lines()).contains(requestLines("[worker 0] ").get(0))
          .contains(requestLines("[worker 1] ").subList(1, 3).toArray(String[]::new));
    } else {
      assertThat(err.lines()).noneMatch(l -> l.startsWith("[worker "));
      assertThat(logLines(err, "DEBUG")).isEmpty();
    }
  }

  @ParameterizedTest
  @CsvSource({"thread,''", "process,'[worker 0] '"})
  void threeVerboseShowsEachRequestAndResponseWithCredentialsAndCookiesHidden(String mode,
      String prefix) throws Exception {
    server.stubFor(get("/cookie.png").willReturn(aResponse().withHeader("Content-Type",
        "image/png").withHeader("Set-Cookie", "sid=s3cr3t-sid; Path=/; HttpOnly")
        .withBody(Images.png())));
    String url = base.replace("http://", "http://user:pa55word@") + "/cookie.png";

    String err = run(server.list(url), 0, "-vvv", "--mode", mode, "-w", "1", "--processes",
        "1", "-H", "Cookie: theme=c00kie-val; lang=en", "-H", "X-Trace: on");

    String wire = prefix + "TRACE WireLog: #1 ";
    assertThat(err.lines()).contains(
        wire + "> GET " + base + "/cookie.png HTTP/1.1",
        wire + "> Authorization: Basic ***",
        wire + "> Cookie: theme=***; lang=***",
        wire + "> X-Trace: on",
        wire + "< HTTP/1.1 200 OK",
        wire + "< Content-Type: image/png",
        wire + "< Set-Cookie: sid=***; Path=/; HttpOnly");
    assertThat(err).doesNotContain("pa55word", "c00kie-val", "s3cr3t-sid",
        Base64.getEncoder().encodeToString("user:pa55word".getBytes(StandardCharsets.UTF_8)));
    String vv = run(server.list(url), 0, "-vv", "--mode", mode, "-w", "1", "--processes", "1");
    assertThat(vv).doesNotContain("WireLog");
  }

  @Test
  void aChildOfSeveralChunksPrefixesItsLogsWithItsWorkers() throws Exception {
    String err = run("-vv", "--mode", "process", "-w", "2", "--processes", "1");

    assertThat(err).contains("imgdl: 2 entries: 1 downloaded, 0 skipped, 1 failed");
    assertThat(err.lines()).containsAll(requestLines("[workers 0,1] "));
    assertThat(err.lines()).noneMatch(l -> l.startsWith("[worker "));
  }

  @Test
  void quietShowsErrorsButNotWarnings() throws Exception {
    // A 3 MiB heap kills each child at once: the JVM says so on the child's standard error
    // (forwarded, never mistaken for a result), and the parent starts it again (a WARN). How
    // many entries a child had been dealt when it died depends on when the planner dealt
    // them: on a busy machine the first child can die before it has any.
    String loud = run("", "--mode", "process", "-w", "1", "--child-java-options", "-Xmx3m");
    String quiet = run("-q", "--mode", "process", "-w", "1", "--child-java-options", "-Xmx3m");

    assertThat(loud).containsPattern("WARN ProcessWorkers: worker 0 exited with code 3; "
        + "running its [0-2] unfinished entries again")
        .contains("[worker 0] Terminating due to java.lang.OutOfMemoryError")
        .doesNotContain("not a result");
    assertThat(logLines(quiet, "(WARN|INFO|DEBUG|TRACE)")).isEmpty();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
