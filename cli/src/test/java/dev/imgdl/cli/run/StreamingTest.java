package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.cli.Main;
import dev.imgdl.core.input.InputReader;
import dev.imgdl.core.input.Plan;
import dev.imgdl.core.input.Planner;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.testing.Await;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Entries stream into the chunks: downloads start while the list is still read, in both modes,
 * with the names, chunks and report of a plan read to its end.
 */
class StreamingTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();
  private final Path out = server.out();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @BeforeEach
  void serveImages() {
    server.stubFor(get(urlPathMatching("/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(Images.png())));
    server.stubFor(get(urlPathMatching("/slow/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(Images.png())
        .withChunkedDribbleDelay(4, 20_000)));
  }

  private String url(String path) {
    return server.baseUrl() + path;
  }

  private CompletableFuture<Integer> start(InputStream stdin, String... args) {
    return CompletableFuture.supplyAsync(() -> Main.run(stdin,
        new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8), args));
  }

  private static void write(PipedOutputStream writer, String text) throws IOException {
    writer.write(text.getBytes(StandardCharsets.UTF_8));
    writer.flush();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theFirstImageIsDownloadedWhileStandardInputIsStillOpen(String mode) throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(writer, 1 << 16);
    Path report = dir.resolve("r.json");
    CompletableFuture<Integer> run = start(stdin, "-o", out.toString(), "--mode", mode,
        "-w", "2", "--report", report.toString(), "-");

    write(writer, url("/a.png") + "\n");
    Await.until("a.png downloaded before the list ends", Duration.ofSeconds(60),
        () -> Files.exists(out.resolve("a.png")));
    assertThat(run).isNotDone();
    write(writer, url("/b.png") + "\n");
    writer.close();

    assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
    JsonNode results = Cli.readJson(report).get("results");
    assertThat(results).extracting(r -> r.get("status").asText())
        .containsExactly("downloaded", "downloaded");
    assertThat(results).extracting(r -> r.get("worker").asInt()).containsExactly(0, 1);
    assertThat(Cli.files(out)).containsExactly("a.png", "b.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void namesChunksAndStatusesAreThoseOfThePlanReadToItsEnd(String mode) throws Exception {
    List<String> lines = new ArrayList<>(List.of(url("/x/a.png"), "ftp://h/no.png",
        url("/y/a.png"), url("/x/a.png"), url("/thumb?id=1"), url("/thumb?id=2"), "not a url",
        url("/X/A.PNG"), url("/z/a.png#frag"), url("/skip.png"), url("/x/a.png#frag")));
    for (int i = 0; i < 20; i++) {
      lines.add(url("/n/" + i + ".png"));
    }
    Path list = Cli.list(dir, "list.txt", lines);
    Files.createDirectories(out);
    Files.writeString(out.resolve("skip.png"), "kept");
    Path report = dir.resolve("r.json");
    int workers = 3;

    int code = start(InputStream.nullInputStream(), "-q", "-o", out.toString(), "--mode", mode,
        "-w", String.valueOf(workers), "--report", report.toString(), "--min-success", "0",
        list.toString()).get(120, TimeUnit.SECONDS);

    assertThat(code).isZero();
    Plan plan = new Planner(new InputReader(InputStream.nullInputStream()))
        .plan(List.of(list.toString()));
    JsonNode results = Cli.readJson(report).get("results");
    assertThat(results).hasSize(plan.size());
    for (Result decided : plan.decided()) {
      if (decided != null) {
        JsonNode r = results.get(decided.index());
        assertThat(r.get("status").asText()).isEqualTo(decided.status().name().toLowerCase());
        assertThat(r.get("error").asText()).isEqualTo(decided.error());
      }
    }
    for (int k = 0; k < plan.tasks().size(); k++) {
      Task task = plan.tasks().get(k);
      JsonNode r = results.get(task.index());
      assertThat(r.get("file").asText()).as("entry %d", task.index())
          .isEqualTo(task.name().fileName("png"));
      assertThat(r.get("worker").asInt()).as("worker of task %d", k).isEqualTo(k % workers);
    }
    assertThat(results.get(9).get("status").asText()).isEqualTo("skipped");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aLineThatIsNotUtf8AfterDownloadsBeganStopsTheRunWithOneLineAndLeavesNoTemporaryFile(
      String mode) throws Exception {
    PipedOutputStream writer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(writer, 1 << 16);
    Path report = dir.resolve("r.json");
    CompletableFuture<Integer> run = start(stdin, "-o", out.toString(), "--mode", mode,
        "-w", "2", "--report", report.toString(), "-");
    write(writer, url("/a.png") + "\n" + url("/slow/b.png") + "\n");
    Await.until("a.png downloaded", Duration.ofSeconds(60),
        () -> Files.exists(out.resolve("a.png")));

    writer.write(new byte[] {'h', 't', (byte) 0xff, '\n'});
    writer.flush();

    assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("imgdl: error: <stdin>:3: not valid UTF-8");
    assertThat(Cli.files(out)).containsExactly("a.png");
    JsonNode written = Cli.readJson(report);
    assertThat(written.get("interrupted").asBoolean()).isTrue();
    assertThat(written.get("results")).extracting(r -> r.get("status").asText())
        .containsExactly("downloaded", "failed");
    assertThat(written.get("results").get(1).get("error").asText()).isEqualTo("interrupted");
    writer.close();
  }
  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aFileWithALineThatIsNotUtf8StopsTheRunBeforeAnythingIsDownloaded(String mode)
      throws Exception {
    Path list = dir.resolve("list.txt");
    try (var w = Files.newOutputStream(list)) {
      w.write((url("/a.png") + "\n" + url("/b.png") + "\n").getBytes(StandardCharsets.UTF_8));
      w.write(new byte[] {'h', 't', (byte) 0xff, '\n'});
    }

    int code = start(InputStream.nullInputStream(), "-o", out.toString(), "--mode", mode,
        "--report", dir.resolve("r.json").toString(), list.toString()).get(60, TimeUnit.SECONDS);

    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("imgdl: error: " + list + ":3: not valid UTF-8");
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(Files.exists(dir.resolve("r.json"))).isFalse();
    assertThat(Files.exists(out) ? Cli.files(out) : List.of()).isEmpty();
  }
}
