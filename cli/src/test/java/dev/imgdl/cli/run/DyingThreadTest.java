package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.cli.Main;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A throwable that nothing expected on one of the run's threads ends the run as an interrupt
 * does: the report of what is known, no temporary file, one line, exit 1, never a hang.
 */
class DyingThreadTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  @BeforeEach
  void serveImages() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/b.png").willReturn(aResponse().withBody(Images.png())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void runningOutOfMemoryWhilePlanningEndsTheRunWithItsReport(String mode) {
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");
    String list = server.baseUrl() + "/a.png\n" + server.baseUrl() + "/b.png\n";

    // Bounded: before the fix the collector waited for ever for the end of planning.
    Cli.Outcome run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(
        new StarvedInput(list), "--mode", mode, "-w", "2", "-o", out.toString(),
        "--report", report.toString(), "-"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().lines())
        .containsExactly("imgdl: error: out of memory while reading <stdin>");
    JsonNode json = Cli.readJson(report);
    assertThat(json.get("results")).hasSize(2);
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(Cli.files(out)).noneMatch(name -> name.startsWith(".imgdl-"));
  }

  private static Cli.Outcome run(InputStream stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      code = Main.run(stdin, o, e, args);
    }
    return new Cli.Outcome(code, stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8));
  }

  /** Standard input whose read after the given text runs out of memory, as a huge line would. */
  private static final class StarvedInput extends InputStream {
    private final byte[] text;
    private int at;

    StarvedInput(String text) {
      this.text = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == text.length) {
        throw new OutOfMemoryError("Java heap space");
      }
      int n = Math.min(len, text.length - at);
      System.arraycopy(text, at, b, off, n);
      at += n;
      return n;
    }
  }
}
