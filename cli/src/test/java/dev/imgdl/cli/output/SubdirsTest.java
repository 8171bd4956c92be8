package dev.imgdl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --subdirs} at a fan-out of 2, in both modes: folders by position, skips on re-run. */
class SubdirsTest {
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      server.respond("/" + name, "HTTP/1.1 200 OK", List.of(), Images.png());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void entriesAreSpreadOverFoldersByPositionAndARerunSkipsThem(String mode) {
    // Positions 0..5: a, an invalid line (counted), b, c, a duplicate of c, d.
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/a"), "nope", server.url("/b"),
        server.url("/c"), server.url("/c"), server.url("/d")));
    Path out = dir.resolve("out");
    String[] args = {"--mode", mode, "-w", "2", "-q", "--subdirs", "2", "-o", out.toString(),
        "--report", dir.resolve("r.json").toString(), list.toString()};

    Cli.Outcome first = Cli.run(args);

    assertThat(first.exitCode()).as(first.stderr()).isEqualTo(1);
    assertThat(Cli.files(out)).containsExactly("00000", "00001", "00002");
    assertThat(Cli.files(out.resolve("00000"))).containsExactly("a.png");
    assertThat(Cli.files(out.resolve("00001"))).containsExactly("b.png", "c.png");
    assertThat(Cli.files(out.resolve("00002"))).containsExactly("d.png");
    assertThat(files(Cli.readJson(dir.resolve("r.json")))).containsExactly("00000/a.png",
        "null", "00001/b.png", "00001/c.png", "null", "00002/d.png");

    Cli.Outcome second = Cli.run(args);

    assertThat(second.exitCode()).as(second.stderr()).isEqualTo(1);
    assertThat(server.requests("/a")).isEqualTo(1);
    assertThat(server.requests("/d")).isEqualTo(1);
    JsonNode report = Cli.readJson(dir.resolve("r.json"));
    assertThat(report.get("summary").get("skipped").asInt()).isEqualTo(4);
    assertThat(files(report)).containsExactly("00000/a.png", "null", "00001/b.png",
        "00001/c.png", "null", "00002/d.png");
  }

  @Test
  void subdirsWithoutAValueHoldTenThousandEach() {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/e")));
    Path out = dir.resolve("out");
    // The list right after --subdirs is an input, not a folder size.
    Cli.Outcome run = Cli.run("-q", "-o", out.toString(), "--subdirs", list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(out.resolve("00000"))).containsExactly("e.png");
  }

  private static List<String> files(JsonNode report) {
    List<String> files = new ArrayList<>();
    report.get("results").forEach(r -> files.add(r.get("file").asText()));
    return files;
  }
}
