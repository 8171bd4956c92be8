package dev.imgdl.cli.report;

import static dev.imgdl.testing.JunitXml.child;
import static dev.imgdl.testing.JunitXml.elements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.result.Summary;
import dev.imgdl.core.text.XmlText;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.JunitXml;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportTest {
  @TempDir Path dir;

  private static final String HOSTILE_URL =
      "http://me:secret@example.org/a\u001b]0;x\u0007\"<&]]>\ud800\uffff%::\n.png";

  /** Two files: every status, a hostile URL and a hostile server message. */
  static RunRecord record() {
    List<Entry> entries = List.of(
        Entry.of(0, "urls.txt", 1, "https://example.org/a.jpg"),
        Entry.of(1, "urls.txt", 2, HOSTILE_URL),
        Entry.of(2, "urls.txt", 4, "https://example.org/a.jpg"),
        Entry.of(3, "urls.txt", 5, "https://example.org/old.png"),
        Entry.of(4, "<stdin>", 1, "ftp://example.org/x.png"),
        Entry.of(5, "<stdin>", 2, "https://example.org/page.jpg"));
    List<Result> results = List.of(
        Result.builder(0, Status.DOWNLOADED).file("a.jpg").worker(0).millis(35).build(),
        Result.builder(1, Status.FAILED).worker(1).millis(1_234).attempts(4)
            .error("HTTP 503 after 4 attempts").build(),
        Result.planned(2, Status.DUPLICATE, "duplicate of urls.txt:1"),
        Result.builder(3, Status.SKIPPED).file("old.png").worker(0).build(),
        Result.planned(4, Status.INVALID, "unsupported scheme 'ftp' (only http and https)"),
        Result.builder(5, Status.FAILED).worker(0).millis(7)
            .error("not an image (text/html\u001b[2J\"<&]]>\ud800)").build());
    return RunRecord.builder().mode(Mode.THREAD).workers(2)
        .startedAt(Instant.parse("2026-11-25T10:00:00.123Z")).seconds(1.23456)
        .entries(entries).results(results).summary(Summary.of(results)).build();
  }

  private static Document xml(RunRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JunitReport.write(record, out);
    return JunitXml.parse(out.toByteArray());
  }

  @Test
  void theReportIsValidAgainstTheSchemaWithASuitePerFileAndItsCounts() throws Exception {
    Document doc = xml(record());
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("errors")).isEqualTo("1");
    assertThat(root.getAttribute("time")).isEqualTo("1.235");
    List<Element> suites = elements(doc, "testsuite");
    assertThat(suites).extracting(s -> s.getAttribute("name"))
        .containsExactly("urls.txt", "<stdin>");
    Element file = suites.get(0);
    assertThat(file.getAttribute("tests")).isEqualTo("4");
    assertThat(file.getAttribute("failures")).isEqualTo("1");
    assertThat(file.getAttribute("errors")).isEqualTo("0");
    assertThat(file.getAttribute("skipped")).isEqualTo("2");
    assertThat(file.getAttribute("time")).isEqualTo("1.269");
    assertThat(file.getAttribute("timestamp")).isEqualTo("2026-11-25T10:00:00Z");
    Element stdin = suites.get(1);
    assertThat(stdin.getAttribute("tests")).isEqualTo("2");
    assertThat(stdin.getAttribute("failures")).isEqualTo("1");
    assertThat(stdin.getAttribute("errors")).isEqualTo("1");
    assertThat(stdin.getAttribute("skipped")).isEqualTo("0");
  }

  @Test
  void eachEntryIsATestcaseNamedByItsLineWithItsTimeAndOutcome() throws Exception {
    List<Element> cases = elements(xml(record()), "testcase");
    assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
        "urls.txt:1 https://example.org/a.jpg",
        "urls.txt:2 http://***@example.org/a\\x1b]0;x\\x07\"<&]]>\\ud800\\uffff%::\\n.png",
        "urls.txt:4 https://example.org/a.jpg",
        "urls.txt:5 https://example.org/old.png",
        "<stdin>:1 ftp://example.org/x.png",
        "<stdin>:2 https://example.org/page.jpg");
    assertThat(cases).extracting(c -> c.getAttribute("classname"))
        .containsExactly("urls.txt", "urls.txt", "urls.txt", "urls.txt", "<stdin>", "<stdin>");
    assertThat(cases).extracting(c -> c.getAttribute("time"))
        .containsExactly("0.035", "1.234", "0.000", "0.000", "0.000", "0.007");
    assertThat(cases.get(0).getChildNodes().getLength()).isZero();

    Element failure = child(cases.get(1), "failure");
    assertThat(failure.getAttribute("type")).isEqualTo("http");
    assertThat(failure.getAttribute("message")).isEqualTo(cases.get(1).getAttribute("name")
        + ": HTTP 503 after 4 attempts").doesNotContain("secret");
    assertThat(failure.getTextContent()).isEqualTo(failure.getAttribute("message"));
    assertThat(child(cases.get(2), "skipped").getAttribute("message"))
        .isEqualTo("urls.txt:4 https://example.org/a.jpg: duplicate of urls.txt:1");
    assertThat(child(cases.get(3), "skipped").getAttribute("message"))
        .isEqualTo("urls.txt:5 https://example.org/old.png: already downloaded (old.png)");
    Element error = child(cases.get(4), "error");
    assertThat(error.getAttribute("type")).isEqualTo("invalid");
    assertThat(error.getAttribute("message")).isEqualTo(
        "<stdin>:1 ftp://example.org/x.png: unsupported scheme 'ftp' (only http and https)");
    Element server = child(cases.get(5), "failure");
    assertThat(server.getAttribute("type")).isEqualTo("not-an-image");
    assertThat(server.getAttribute("message")).endsWith(
        ": not an image (text/html\\x1b[2J\"<&]]>\\ud800)");
  }

  @Test
  void theMessageIsTheConsolesFailureLineWithWhatXmlForbidsEscaped() throws Exception {
    RunRecord record = record();
    Element failure = child(elements(xml(record), "testcase").get(1), "failure");
    assertThat(failure.getAttribute("message")).isEqualTo(XmlText.safe(
        SummaryPrinter.failureLine(record.entries().get(1), record.results().get(1))));
  }

  @Test
  void aRunWithoutEntriesIsAnEmptyValidReport() throws Exception {
    RunRecord empty = record().toBuilder().entries(List.of()).results(List.of())
        .summary(Summary.of(List.of())).build();
    Document doc = xml(empty);
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    assertThat(elements(doc, "testsuite")).isEmpty();
  }

  @Test
  void aFileIsWrittenAtomicallyWithNoTemporaryFileLeft() throws Exception {
    Path junit = dir.resolve("junit.xml");
    Files.writeString(junit, "old");
    JunitReport.write(record(), junit, new TempFiles());
    assertThat(JunitXml.read(junit).getDocumentElement().getAttribute("tests")).isEqualTo("6");
    assertThat(Cli.files(dir)).containsExactly("junit.xml");
    assertThat(Files.readString(junit, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }
}
