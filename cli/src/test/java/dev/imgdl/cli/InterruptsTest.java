package dev.imgdl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signal that comes before the run exists is not lost: the run starts interrupted. */
class InterruptsTest {
  @TempDir Path dir;

  @Test
  void aSignalBeforeTheRunStartsEndsItAt130WithAReport() {
    Interrupts interrupts = new Interrupts();
    interrupts.onSignal();
    Path list = Cli.list(dir, "l.txt", List.of("http://127.0.0.1:9/a.png"));
    Path report = dir.resolve("r.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ImgdlCommand.run(new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), interrupts, java.util.Map.of(),
        "-o", dir.resolve("out").toString(), "--report", report.toString(), list.toString());

    assertThat(code).isEqualTo(130);
    JsonNode json = Cli.readJson(report);
    assertThat(json.get("interrupted").asBoolean()).isTrue();
    assertThat(json.get("results")).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("INTERRUPTED, 0 entries");
  }
}
