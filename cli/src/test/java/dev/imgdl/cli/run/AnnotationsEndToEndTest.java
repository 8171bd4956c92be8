package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GitHub Actions annotations: printed for failed and invalid entries only when GITHUB_ACTIONS
 * is exactly {@code true}, on the entry's file and line, escaped, also under {@code -q}, in both
 * worker modes.
 */
class AnnotationsEndToEndTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();
  @TempDir Path dir;
  private Path list;

  @BeforeEach
  void serve() {
    server.png("/a.png");
    server.respond("/gone.png", "HTTP/1.1 404 Not Found", List.of(), new byte[0]);
    list = Cli.list(dir, "list.txt", List.of(
        "# good, gone, invalid, duplicate, and a hostile line",
        server.url("/a.png"), server.url("/gone.png"), "ftp://h/x.png", server.url("/a.png"),
        server.url("/gone.png?%25::error::forged,x")));
  }

  private Cli.Outcome run(Map<String, String> env, String mode, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("-o", dir.resolve("out").toString(),
        "--mode", mode, "-w", "2", "--retries", "0"));
    args.addAll(List.of(more));
    return Cli.runWithEnv(env, "", args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void onGithubActionsEachFailedOrInvalidEntryIsAnnotatedOnItsLineAlsoWhenQuiet(String mode) {
    Cli.Outcome run = run(Map.of("GITHUB_ACTIONS", "true"), mode, "-q", list.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    String file = list.toString().replace(":", "%3A").replace(",", "%2C");
    String gone = server.url("/gone.png");
    assertThat(run.stderr().lines().filter(l -> l.startsWith("::"))).containsExactlyInAnyOrder(
        "::error file=" + file + ",line=3::HTTP 404: " + gone,
        "::error file=" + file + ",line=4::"
            + "unsupported scheme 'ftp' (only http and https): ftp://h/x.png",
        "::error file=" + file + ",line=6::HTTP 404: " + gone + "?%2525::error::forged,x");
    assertThat(run.stderr().lines()).allMatch(l -> l.startsWith("::error ")
        || l.startsWith(list + ":"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void standardInputIsAnnotatedWithoutFileOrLine(String mode) {
    Cli.Outcome run = Cli.runWithEnv(Map.of("GITHUB_ACTIONS", "true"),
        server.url("/gone.png") + "\n", "-o", dir.resolve("out").toString(), "--mode", mode,
        "--retries", "0", "-q");

    assertThat(run.stderr().lines().filter(l -> l.startsWith("::"))).containsExactly(
        "::error::<stdin>:1 " + server.url("/gone.png") + ": HTTP 404");
  }

  @ParameterizedTest
  @CsvSource({"thread,", "thread,false", "thread,1", "thread,TRUE", "process,",
      "process,false", "process,1"})
  void withoutGithubActionsExactlyTrueNothingIsAnnotated(String mode, String value) {
    Map<String, String> env = value == null ? Map.of() : Map.of("GITHUB_ACTIONS", value);
    Cli.Outcome run = run(env, mode, list.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains(list + ":3 ").doesNotContainPattern("(?m)^::");
  }
}
