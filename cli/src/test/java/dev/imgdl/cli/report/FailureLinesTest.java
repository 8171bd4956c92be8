package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLinesTest {
  private final StringWriter err = new StringWriter();
  private final FailureLines lines = new FailureLines(new PrintWriter(err), false);

  private void add(Result result) {
    int i = result.index();
    Entry entry = Entry.of(i, "l.txt", i + 1, "http://h/" + i);
    lines.add(entry, result, null);
  }

  private void close() {
    lines.close();
  }

  @Test
  void everyFailedAndInvalidEntryGetsOneLine() {
    add(Result.planned(0, Status.INVALID, "no host"));
    add(Result.failed(1, 0, "HTTP 404"));
    close();
    assertThat(err.toString())
        .isEqualTo("l.txt:1 http://h/0: no host\nl.txt:2 http://h/1: HTTP 404\n");
  }

  @Test
  void afterFiftyLinesTheRestAreCountedInOneClosingLine() {
    for (int i = 0; i < 1_284; i++) {
      add(Result.failed(i, 0, "HTTP 404"));
    }
    close();
    List<String> printed = err.toString().lines().toList();
    assertThat(printed).hasSize(FailureLines.LIMIT + 1);
    assertThat(printed.get(49)).isEqualTo("l.txt:50 http://h/49: HTTP 404");
    assertThat(printed.get(50))
        .isEqualTo("... and 1,234 more failed or invalid entries: see --report or --failed");
  }

  @Test
  void oneMoreIsCountedInTheSingular() {
    for (int i = 0; i < 51; i++) {
      add(Result.failed(i, 0, "HTTP 404"));
    }
    close();
    assertThat(err.toString())
        .endsWith("\n... and 1 more failed or invalid entry: see --report or --failed\n");
  }

  @Test
  void interruptedEntriesAreCountedNeverListed() {
    add(Result.failed(0, 0, "HTTP 404"));
    for (int i = 1; i <= 12; i++) {
      add(Result.failed(i, 0, "interrupted"));
    }
    add(Result.failed(13, null, "interrupted"));
    close();
    assertThat(err.toString())
        .isEqualTo("l.txt:1 http://h/0: HTTP 404\n13 entries interrupted\n");
  }

  @Test
  void nothingIsPrintedWhenNothingFailed() {
    add(Result.builder(0, Status.DOWNLOADED).file("a.png").bytes(1).sha256("ab").httpStatus(200)
        .attempts(1).worker(0).millis(1).build());
    add(Result.planned(1, Status.DUPLICATE, "duplicate of l.txt:1"));
    close();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aLineWaitsForTheConsoleLockWithoutHoldingTheTerminalStream() throws Exception {
    // A child's forwarded log line takes the writer, then the stream under it. A failure line
    // that took the stream first and then waited for the writer could deadlock with it.
    PrintStream stream = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    PrintWriter writer = new PrintWriter(stream, true);
    FailureLines console = new FailureLines(writer, false);
    Thread line = new Thread(() ->
        console.add(Entry.of(0, "l.txt", 1, "http://h/0"), Result.failed(0, 0, "HTTP 404"),
            null));
    synchronized (writer) {
      line.start();
      Await.until("the failure line waiting for the console lock", Duration.ofSeconds(10),
          () -> line.getState() == Thread.State.BLOCKED);
      Thread other = new Thread(() -> {
        synchronized (stream) {
          stream.print("");
        }
      });
      other.start();
      other.join(10_000);
      assertThat(other.isAlive()).as("the terminal stream is free").isFalse();
    }
    line.join(10_000);
    assertThat(line.isAlive()).isFalse();
  }
}
