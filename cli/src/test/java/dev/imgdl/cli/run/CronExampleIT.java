package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the crontab line of the README as written, with only the directory, the jar and the java
 * binary put in, through {@code sh -c} as cron does; cron mails whatever it prints.
 */
class CronExampleIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final Pattern CRON_LINE = Pattern.compile("(?m)^0 3 \\* \\* \\* (.+)$");

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/b.png").willReturn(aResponse().withBody(Images.gif())));
    server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
  }

  /** What the cron job printed, stdout and stderr together as cron mails them, and its status. */
  private record Job(int exitCode, String mail) {}

  private void list(String... paths) {
    server.list(Arrays.stream(paths).map(server::url).toList());
  }

  private Job runTheReadmesCronLine() throws Exception {
    Matcher line = CRON_LINE.matcher(Files.readString(Path.of(System.getProperty("imgdl.readme", "README.md"))));
    assertThat(line.find()).as("a crontab line in README.md").isTrue();
    String command = line.group(1);
    assertThat(command).contains("cd /data/pics && ").contains("java -jar /opt/imgdl.jar");
    String java = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
        + System.getProperty("imgdl.jar") + "'";
    command = command.replace("cd /data/pics", "cd '" + dir + "'")
        .replace("java -jar /opt/imgdl.jar", java);
    Process job = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    job.getOutputStream().close();
    String mail = new String(job.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(job.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Job(job.exitValue(), mail);
  }

  @Test
  void whenEverythingSucceedsNothingIsPrintedSoNoMailIsSent() throws Exception {
    list("/a.png", "/b.png");
    Job job = runTheReadmesCronLine();
    assertThat(job.mail()).isEmpty();
    assertThat(job.exitCode()).isZero();
    assertThat(Cli.files(dir.resolve("images"))).containsExactly("a.png", "b.png");
    assertThat(dir.resolve("retry.txt")).exists().isEmptyFile();
    // The next night everything is skipped: still silent.
    assertThat(runTheReadmesCronLine().mail()).isEmpty();
  }

  @Test
  void aFailureIsPrintedSoItIsMailedAndTheRetryRunsAndSaysHowItEnded() throws Exception {
    String gone = server.url("/gone.png");
    list("/a.png", "/gone.png");
    Job job = runTheReadmesCronLine();
    List<String> mail = job.mail().lines().toList();
    assertThat(mail.get(0)).isEqualTo("list.txt:2 " + gone + ": HTTP 404");
    assertThat(mail.get(1)).isEqualTo("retry.txt:1 " + gone + ": HTTP 404");
    assertThat(mail.get(2))
        .isEqualTo("imgdl: 1 entries: 0 downloaded, 0 skipped, 1 failed, 0 invalid, 0 duplicate");
    server.verify(2, getRequestedFor(urlEqualTo("/gone.png")));
    assertThat(job.exitCode()).isEqualTo(1);
  }

  @Test
  void whenTheRetryMendsTheFailureTheMailSaysSo() throws Exception {
    server.stubFor(get("/flaky.png").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(404)).willSetStateTo("back"));
    server.stubFor(get("/flaky.png").inScenario("flaky").whenScenarioStateIs("back")
        .willReturn(aResponse().withBody(Images.png())));
    String flaky = server.url("/flaky.png");
    list("/a.png", "/flaky.png");
    Job job = runTheReadmesCronLine();
    List<String> mail = job.mail().lines().toList();
    assertThat(mail.get(0)).isEqualTo("list.txt:2 " + flaky + ": HTTP 404");
    assertThat(mail.get(1))
        .isEqualTo("imgdl: 1 entries: 1 downloaded, 0 skipped, 0 failed, 0 invalid, 0 duplicate");
    assertThat(job.exitCode()).isZero();
    assertThat(Cli.files(dir.resolve("images"))).containsExactly("a.png", "flaky.png");
  }

  @Test
  void aUsageErrorIsMailedAndYesterdaysRetryFileIsNotRun() throws Exception {
    Files.writeString(dir.resolve("retry.txt"), server.url("/b.png") + "\n");
    Job job = runTheReadmesCronLine();
    assertThat(job.mail())
        .isEqualTo("imgdl: error: list.txt: cannot read file (missing or no permission)\n");
    server.verify(0, getRequestedFor(urlEqualTo("/b.png")));
  }
}
