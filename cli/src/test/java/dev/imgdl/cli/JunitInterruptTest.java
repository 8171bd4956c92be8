package dev.imgdl.cli;

import static dev.imgdl.testing.JunitXml.child;
import static dev.imgdl.testing.JunitXml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.Await;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.JunitXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An interrupt still writes the JUnit report, with the report, atomically: unfinished entries
 * are failures of kind {@code interrupted}, and no temporary file is left.
 */
class JunitInterruptTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anInterruptedRunWritesTheJunitReportWithItsUnfinishedEntriesAsInterrupted(String mode)
      throws Exception {
    server.png("/a.png");
    server.png("/held.png");
    CountDownLatch held = server.hold("/held.png");
    Path list = Cli.list(dir, "list.txt",
        List.of(server.url("/a.png"), server.url("/held.png")));
    Path junit = dir.resolve("junit.xml");
    Path report = dir.resolve("report.json");
    Interrupts interrupts = new Interrupts();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> ImgdlCommand.run(
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), interrupts, Map.of(),
        "-o", dir.resolve("out").toString(), "--mode", mode, "-w", "1", "--junit",
        junit.toString(), "--report", report.toString(), list.toString()));
    try {
      Await.until("the second download in flight", Duration.ofSeconds(30),
          () -> server.requests("/held.png") > 0);
      interrupts.onSignal();
      assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8))
          .isEqualTo(130);
    } finally {
      held.countDown();
    }

    Document doc = JunitXml.read(junit);
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("2");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    List<Element> cases = elements(doc, "testcase");
    assertThat(child(cases.get(0), "failure")).isNull();
    Element interrupted = child(cases.get(1), "failure");
    assertThat(interrupted.getAttribute("type")).isEqualTo("interrupted");
    assertThat(interrupted.getAttribute("message")).endsWith(": interrupted");
    assertThat(Cli.readJson(report).get("results").get(1).get("error").asText())
        .isEqualTo("interrupted");
    assertThat(Cli.files(dir)).containsExactlyInAnyOrder("list.txt", "junit.xml",
        "report.json", "out");
    assertThat(Cli.files(dir.resolve("out"))).containsExactly("a.png");
  }
}
