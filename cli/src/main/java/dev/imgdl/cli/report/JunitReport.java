package dev.imgdl.cli.report;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.FailureKind;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.core.text.XmlText;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the JUnit XML report of docs/spec.md ("The JUnit report"), the schema that GitLab,
 * Jenkins and GitHub's test reporters read: one {@code testsuite} per input file, one {@code
 * testcase} per entry in input order; a failed entry is a {@code failure} of its {@link
 * FailureKind}, an invalid one an {@code error}, a skipped or duplicate one {@code skipped}. Its
 * texts are the console's (the failure line, credentials hidden), made fit for XML by {@link
 * XmlText}; the XML writer escapes the markup characters. Written atomically, as the JSON report.
 */
final class JunitReport {
  /** The JDK's writer, not whichever a jar on the class path registers (Parquet's Woodstox). */
  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  private JunitReport() {}

  /** Consecutive entries of one input file, and their counts. */
  private static final class Suite {
    final String source;
    final int from;
    int to;
    int failures;
    int errors;
    int skipped;
    long millis;

    Suite(String source, int from) {
      this.source = source;
      this.from = from;
      this.to = from;
    }
  }

  /**
   * Writes the report to {@code path} atomically, its temporary file registered with {@code
   * temps}. A failure is thrown with the system's reason as its message.
   */
  static void write(RunRecord run, Path path, TempFiles temps) throws IOException {
    AtomicFile.write(path, ".imgdl-junit-", AtomicFile.ORDINARY, temps, out -> write(run, out));
  }

  /** Writes the report to a stream, which is flushed but left open. */
  static void write(RunRecord run, OutputStream out) throws IOException {
    List<Suite> suites = suites(run);
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "imgdl");
      xml.writeAttribute("tests", String.valueOf(run.results().size()));
      xml.writeAttribute("failures", String.valueOf(sum(suites, s -> s.failures)));
      xml.writeAttribute("errors", String.valueOf(sum(suites, s -> s.errors)));
      xml.writeAttribute("time", seconds(BigDecimal.valueOf(run.seconds())));
      String timestamp = run.startedAt().truncatedTo(ChronoUnit.SECONDS).toString();
      for (Suite suite : suites) {
        writeSuite(xml, run, suite, timestamp);
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    out.flush();
  }

  private static int sum(List<Suite> suites, java.util.function.ToIntFunction<Suite> count) {
    return suites.stream().mapToInt(count).sum();
  }

  /** One suite per run of entries from the same input, in input order. */
  private static List<Suite> suites(RunRecord run) {
    List<Suite> suites = new ArrayList<>();
    Suite current = null;
    for (int i = 0; i < run.results().size(); i++) {
      String source = run.entries().get(i).source();
      if (current == null || !current.source.equals(source)) {
        current = new Suite(source, i);
        suites.add(current);
      }
      current.to = i + 1;
      Result result = run.results().get(i);
      current.millis += result.millis();
      Status status = result.status();
      if (status == Status.FAILED) {
        current.failures++;
      } else if (status == Status.INVALID) {
        current.errors++;
      } else if (status == Status.SKIPPED || status == Status.DUPLICATE) {
        current.skipped++;
      }
    }
    return suites;
  }

  private static void writeSuite(XMLStreamWriter xml, RunRecord run, Suite suite,
      String timestamp) throws XMLStreamException {
    String name = XmlText.safe(suite.source);
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", name);
    xml.writeAttribute("tests", String.valueOf(suite.to - suite.from));
    xml.writeAttribute("failures", String.valueOf(suite.failures));
    xml.writeAttribute("errors", String.valueOf(suite.errors));
    xml.writeAttribute("skipped", String.valueOf(suite.skipped));
    xml.writeAttribute("time", seconds(BigDecimal.valueOf(suite.millis, 3)));
    xml.writeAttribute("timestamp", timestamp);
    for (int i = suite.from; i < suite.to; i++) {
      writeCase(xml, name, run.entries().get(i), run.results().get(i));
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void writeCase(XMLStreamWriter xml, String classname, Entry entry, Result r)
      throws XMLStreamException {
    xml.writeCharacters("\n    ");
    Status status = r.status();
    boolean failed = status == Status.FAILED || status == Status.INVALID;
    boolean skipped = status == Status.SKIPPED || status == Status.DUPLICATE;
    if (failed || skipped) {
      xml.writeStartElement("testcase");
    } else {
      xml.writeEmptyElement("testcase");
    }
    xml.writeAttribute("name", XmlText.safe(SummaryPrinter.entryName(entry)));
    xml.writeAttribute("classname", classname);
    xml.writeAttribute("time", seconds(BigDecimal.valueOf(r.millis(), 3)));
    if (failed) {
      String message = XmlText.safe(SummaryPrinter.failureLine(entry, r));
      xml.writeStartElement(status == Status.FAILED ? "failure" : "error");
      xml.writeAttribute("message", message);
      xml.writeAttribute("type", FailureKind.of(r).label());
      xml.writeCharacters(message);
      xml.writeEndElement();
    } else if (skipped) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", XmlText.safe(status == Status.DUPLICATE
          ? SummaryPrinter.failureLine(entry, r)
          : SummaryPrinter.entryName(entry) + ": already downloaded"
              + (r.file() == null ? "" : " (" + r.file() + ")")));
    }
    if (failed || skipped) {
      xml.writeEndElement();
    }
  }

  private static String seconds(BigDecimal seconds) {
    return seconds.setScale(3, RoundingMode.HALF_UP).toPlainString();
  }
}
