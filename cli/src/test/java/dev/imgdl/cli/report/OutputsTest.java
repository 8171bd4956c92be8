package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a run: which files are written, what is said when one cannot be, the summary. */
class OutputsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stdoutBytes = new ByteArrayOutputStream();
  private final CheckedPrintStream stdout = new CheckedPrintStream(stdoutBytes);
  private final StringWriter err = new StringWriter();
  private final TempFiles temps = new TempFiles();

  private boolean write(String report, Path failed, boolean quiet) {
    return new Outputs(new Outputs.Files(report, failed, null, null), quiet, false, stdout,
        new PrintWriter(err), temps).write(ReportWriterTest.record(), false);
  }

  @Test
  void theReportAndTheFailedFileAreWrittenAndTheSummaryPrinted() throws Exception {
    Path report = dir.resolve("report.json");
    Path failed = dir.resolve("failed.txt");

    assertThat(write(report.toString(), failed, false)).isTrue();

    assertThat(Cli.readJson(report).get("results")).hasSize(3);
    assertThat(Files.readAllLines(failed)).containsExactly("http://me:pa/ss@example.org/b.png");
    assertThat(err.toString()).startsWith("imgdl: 3 entries: 1 downloaded")
        .doesNotContain("error");
    assertThat(stdoutBytes.size()).isZero();
  }

  @Test
  void aDashSendsTheReportToStandardOutput() throws Exception {
    assertThat(write("-", null, true)).isTrue();

    assertThat(new ObjectMapper().readTree(stdoutBytes.toByteArray()).get("results")).hasSize(3);
    assertThat(Cli.files(dir)).isEmpty();
  }

  @Test
  void nothingAskedForWritesNoFileAndQuietPrintsNothing() {
    assertThat(write(null, null, true)).isTrue();

    assertThat(err.toString()).isEmpty();
    assertThat(stdoutBytes.size()).isZero();
  }

  @Test
  void aReportThatCannotBeWrittenIsAnErrorLineButTheFailedFileAndSummaryStillCome() {
    Path report = dir.resolve("gone/report.json");
    Path failed = dir.resolve("failed.txt");

    assertThat(write(report.toString(), failed, false)).isFalse();

    assertThat(err.toString())
        .startsWith("imgdl: error: cannot write report " + report
            + ": No such file or directory\n")
        .contains("imgdl: 3 entries:");
    assertThat(failed).exists();
  }

  @Test
  void aFailedFileThatCannotBeWrittenIsAnErrorLineButTheReportStillComes() {
    Path report = dir.resolve("report.json");
    Path failed = dir.resolve("gone/failed.txt");

    assertThat(write(report.toString(), failed, true)).isFalse();

    assertThat(err.toString()).isEqualTo(
        "imgdl: error: cannot write failed list " + failed + ": No such file or directory\n");
    assertThat(report).exists();
  }

  @Test
  void aClosedStandardOutputIsAnErrorLineThatSaysWhy() {
    OutputStream closed = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    Outputs outputs = new Outputs(new Outputs.Files("-", null, null, null), true, false,
        new CheckedPrintStream(closed), new PrintWriter(err), temps);

    assertThat(outputs.write(ReportWriterTest.record(), false)).isFalse();

    assertThat(err.toString())
        .isEqualTo("imgdl: error: cannot write report to standard output: Broken pipe\n");
  }

  @Test
  void aNameWithControlCharactersIsEscapedInTheErrorLine() {
    Path report = dir.resolve("gone\u001b[2J/report.json");

    assertThat(write(report.toString(), null, true)).isFalse();

    assertThat(err.toString()).contains("gone\\x1b[2J/report.json").doesNotContain("\u001b");
  }

  @Test
  void theSummaryOfAnInterruptedRunSaysSo() {
    new Outputs(new Outputs.Files(null, null, null, null), false, false, stdout,
        new PrintWriter(err), temps).write(ReportWriterTest.record(), true);

    assertThat(err.toString()).startsWith("imgdl: INTERRUPTED, 3 entries");
  }

  @Test
  void aJunitReportThatCannotBeWrittenIsAnErrorButTheOtherFilesAndSummaryStillCome()
      throws Exception {
    Path junit = dir.resolve("gone/junit.xml");
    Path report = dir.resolve("report.json");
    Path failed = dir.resolve("failed.txt");

    boolean written = new Outputs(new Outputs.Files(report.toString(), failed, junit, null),
        false, false, stdout, new PrintWriter(err), temps).write(ReportWriterTest.record(), false);

    assertThat(written).isFalse();
    assertThat(err.toString()).startsWith("imgdl: error: cannot write JUnit report " + junit
        + ": ").contains("imgdl: 3 entries");
    assertThat(Cli.readJson(report).get("results")).hasSize(3);
    assertThat(failed).exists();
  }

  @Test
  void theJunitReportIsWrittenWithTheReport() throws Exception {
    Path junit = dir.resolve("junit.xml");
    Path report = dir.resolve("report.json");

    assertThat(new Outputs(new Outputs.Files(report.toString(), null, junit, null), true,
        false, stdout, new PrintWriter(err), temps).write(ReportWriterTest.record(), false))
        .isTrue();

    assertThat(dev.imgdl.testing.JunitXml.read(junit).getDocumentElement().getAttribute("tests"))
        .isEqualTo("3");
    assertThat(Cli.readJson(report).get("results")).hasSize(3);
    assertThat(Cli.files(dir)).containsExactly("junit.xml", "report.json");
  }
}
