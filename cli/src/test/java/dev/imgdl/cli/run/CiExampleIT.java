package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.imgdl.testing.JunitXml.child;
import static dev.imgdl.testing.JunitXml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.JunitXml;
import dev.imgdl.testing.LocalSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs the imgdl command lines of the README's CI examples as written, with only the binary put
 * in (the built jar on this JVM's java), through {@code sh -c} as a runner does, in the job's
 * folder with its {@code urls.txt}: the GitHub Actions one with {@code GITHUB_ACTIONS=true}, the
 * GitLab one without. The job's status is the exit code, the JUnit file validates against the
 * schema the reporters use, and annotations appear on GitHub only.
 */
class CiExampleIT {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final Pattern YAML = Pattern.compile("(?s)```yaml\n(.*?)```");

  /** A step's or script's line that runs imgdl (by its path or with java -jar) with --junit. */
  private static final Pattern IMGDL_LINE = Pattern.compile(
      "(?m)^\\s*-\\s+(?:run:\\s+)?((?:java -jar )?\\S*imgdl\\S* .*--junit.*)$");

  private final Path dir = server.dir();

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/b.gif").willReturn(aResponse().withBody(Images.gif())));
    server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/page.jpg").willReturn(
        aResponse().withHeader("Content-Type", "text/html").withBody(Images.html())));
  }

  /** What the job's step printed and returned. */
  private record Step(int exitCode, String stdout, String stderr) {}

  /** The imgdl command line of the README's YAML block that starts with {@code heading}. */
  private static String commandOf(String heading) throws Exception {
    String readme = Files.readString(Path.of(System.getProperty("imgdl.readme", "README.md")));
    Matcher block = YAML.matcher(readme);
    while (block.find()) {
      if (block.group(1).startsWith(heading)) {
        Matcher line = IMGDL_LINE.matcher(block.group(1));
        assertThat(line.find()).as("an imgdl line in the " + heading + " example").isTrue();
        return line.group(1);
      }
    }
    throw new AssertionError("no YAML block starting with " + heading + " in README.md");
  }

  private Step run(String command, String binary, boolean github) throws Exception {
    String java = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
        + System.getProperty("imgdl.jar") + "'";
    assertThat(command).startsWith(binary + " ");
    ProcessBuilder step = new ProcessBuilder("sh", "-c", java + command.substring(binary.length()))
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    Map<String, String> env = step.environment();
    env.remove("GITHUB_ACTIONS");
    if (github) {
      env.put("GITHUB_ACTIONS", "true");
    }
    Process process = step.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Step(process.exitValue(), Files.readString(dir.resolve("stdout.txt")),
        Files.readString(dir.resolve("stderr.txt")));
  }

  private void urls(String... lines) {
    Cli.list(dir, "urls.txt", List.of(lines));
  }

  private void aMixedList() {
    urls(server.url("/a.png"), server.url("/gone.png"), server.url("/page.jpg"), "not a url",
        server.url("/b.gif"));
  }

  private Document junit() {
    return JunitXml.read(dir.resolve("junit.xml"));
  }

  @Test
  void theGithubJobFailsBelowTheThresholdWithAJunitReportAndAnAnnotationPerFailure()
      throws Exception {
    aMixedList();
    Step step = run(commandOf("# GitHub Actions"), "imgdl/bin/imgdl", true);

    assertThat(step.exitCode()).as(step.stderr()).isEqualTo(1);
    assertThat(step.stdout()).isEmpty();
    assertThat(dir.resolve("images")).as("--check saves nothing").doesNotExist();
    List<String> annotations = step.stderr().lines().filter(l -> l.startsWith("::")).toList();
    assertThat(annotations).containsExactlyInAnyOrder(
        "::error file=urls.txt,line=2::HTTP 404: " + server.url("/gone.png"),
        "::error file=urls.txt,line=3::not an image (text/html): " + server.url("/page.jpg"),
        "::error file=urls.txt,line=4::not an absolute URL (no scheme): not a url");
    Document junit = junit();
    Element suite = elements(junit, "testsuite").get(0);
    assertThat(suite.getAttribute("name")).isEqualTo("urls.txt");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    List<Element> cases = elements(junit, "testcase");
    assertThat(child(cases.get(1), "failure").getAttribute("type")).isEqualTo("http");
    assertThat(child(cases.get(2), "failure").getAttribute("type")).isEqualTo("not-an-image");
  }

  @Test
  void theGithubJobPassesWhenEveryImageIsThere() throws Exception {
    urls(server.url("/a.png"), server.url("/b.gif"));
    Step step = run(commandOf("# GitHub Actions"), "imgdl/bin/imgdl", true);

    assertThat(step.exitCode()).as(step.stderr()).isZero();
    assertThat(step.stderr()).isEmpty();
    assertThat(elements(junit(), "testcase")).hasSize(2)
        .allMatch(c -> c.getChildNodes().getLength() == 0);
  }

  @Test
  void theGitlabJobFailsBelowTheThresholdWithAJunitReportAndNoAnnotation() throws Exception {
    aMixedList();
    Step step = run(commandOf("# GitLab CI"), "java -jar imgdl.jar", false);

    assertThat(step.exitCode()).as(step.stderr()).isEqualTo(1);
    assertThat(step.stderr()).contains("urls.txt:2 " + server.url("/gone.png") + ": HTTP 404")
        .doesNotContainPattern("(?m)^::");
    assertThat(junit().getDocumentElement().getAttribute("tests")).isEqualTo("5");
  }

  @Test
  void theGitlabJobPassesWhenEveryImageIsThere() throws Exception {
    urls(server.url("/a.png"), server.url("/b.gif"));
    Step step = run(commandOf("# GitLab CI"), "java -jar imgdl.jar", false);

    assertThat(step.exitCode()).as(step.stderr()).isZero();
    assertThat(junit().getDocumentElement().getAttribute("failures")).isEqualTo("0");
  }
}
