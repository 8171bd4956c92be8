package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --check} against a download of the same list: the same validation, the same facts about
 * every body, and nothing written but the report and the failed list, in both worker modes.
 */
class CheckRunTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  /** The fields a check reports exactly as a download of the same body. */
  private static final List<String> SAME = List.of("bytes", "sha256", "contentType", "width",
      "height", "error", "httpStatus", "attempts");

  private final Path dir = server.dir();

  @BeforeEach
  void serveEveryKindOfEntry() {
    image("/a.png", Images.png(), "image/png");
    image("/b.gif", Images.gif(), "image/gif");
    image("/exif.jpg", jpegWithLargeExif(), "image/jpeg");
    image("/huge.png", Images.bigPng(400), "image/png");
    server.stubFor(get("/missing.png").willReturn(aResponse().withStatus(404)));
    server.stubFor(get("/page.jpg").willReturn(aResponse()
        .withHeader("Content-Type", "text/html").withBody(Images.html())));
    server.stubFor(get("/mine.png").willReturn(aResponse()
        .withHeader("X-Robots-Tag", "noai").withBody(Images.png())));
    server.stubFor(get("/busy.png").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
        .willSetStateTo("back"));
    server.stubFor(get("/busy.png").inScenario("busy").whenScenarioStateIs("back")
        .willReturn(aResponse().withBody(Images.gif())));
  }

  private void image(String path, byte[] body, String type) {
    server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", type)
        .withBody(body)));
  }

  /** A JPEG whose frame header comes after three APP1 segments of 64 KiB. */
  private static byte[] jpegWithLargeExif() {
    byte[] jpeg = Images.jpeg();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (int i = 0; i < 3; i++) {
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF});
      out.writeBytes(new byte[0xFFFF - 2]);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private Path list() {
    String base = server.baseUrl();
    List<String> lines = new ArrayList<>();
    for (String path : List.of("/a.png", "/b.gif", "/exif.jpg", "/missing.png", "/page.jpg",
        "/huge.png", "/busy.png", "/mine.png", "/a.png")) {
      lines.add(base + path);
    }
    lines.add("not a url");
    return Cli.list(dir, "list.txt", lines);
  }

  private Cli.Outcome run(String mode, List<String> options, String name) {
    // -v: the per-worker table, whose heading says checked, is printed with it.
    List<String> args = new ArrayList<>(List.of("-v", "--mode", mode, "-w", "3", "--retries", "2",
        "--max-size", "300K", "--min-success", "0.44", "--no-progress",
        "--report", dir.resolve(name + ".json").toString(),
        "--failed", dir.resolve(name + "-failed.txt").toString()));
    args.addAll(options);
    args.add(list().toString());
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aCheckReportsWhatADownloadWouldAndWritesNothing(String mode) throws Exception {
    Path defaultOutput = Path.of("images").toAbsolutePath();
    boolean hadDefaultOutput = Files.exists(defaultOutput);

    Cli.Outcome check = run(mode, List.of("--check"), "check");

    assertThat(check.exitCode()).as(check.stderr()).isZero();
    assertThat(Cli.files(dir)).containsExactly("check-failed.txt", "check.json", "list.txt");
    assertThat(Files.exists(defaultOutput)).as("-o's default made").isEqualTo(hadDefaultOutput);
    assertThat(check.stderr())
        .contains("imgdl: 10 entries: 4 checked, 0 skipped, 4 failed, 1 invalid, 1 duplicate")
        .contains(" checked  skipped")
        .doesNotContain("downloaded");

    server.resetScenarios();
    Path out = dir.resolve("out");
    Cli.Outcome download = run(mode, List.of("-o", out.toString()), "download");
    assertThat(download.exitCode()).as(download.stderr()).isZero();

    JsonNode checked = Cli.readJson(dir.resolve("check.json"));
    JsonNode downloaded = Cli.readJson(dir.resolve("download.json"));
    List<String> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      JsonNode c = checked.get("results").get(i);
      JsonNode d = downloaded.get("results").get(i);
      String expected = d.get("status").asText().replace("downloaded", "checked");
      assertThat(c.get("status").asText()).as("status of entry %d", i).isEqualTo(expected);
      for (String field : SAME) {
        assertThat(c.get(field)).as("%s of entry %d", field, i).isEqualTo(d.get(field));
      }
      assertThat(c.get("file").isNull()).as("file of entry %d", i).isTrue();
      statuses.add(c.get("status").asText());
    }
    assertThat(statuses).containsExactly("checked", "checked", "checked", "failed", "failed",
        "failed", "checked", "failed", "duplicate", "invalid");
    JsonNode exif = checked.get("results").get(2);
    assertThat(List.of(exif.get("width").asInt(), exif.get("height").asInt()))
        .containsExactly(5, 5);
    assertThat(checked.get("results").get(6).get("attempts").asInt()).isEqualTo(2);
    JsonNode summary = checked.get("summary");
    assertThat(summary.get("checked").asInt()).isEqualTo(4);
    assertThat(summary.get("downloaded").asInt()).isZero();
    assertThat(summary.get("successRatio").asDouble()).isEqualTo(4.0 / 9);
    assertThat(summary.get("bytes").asLong())
        .isEqualTo(downloaded.get("summary").get("bytes").asLong());
    int perWorker = 0;
    for (JsonNode w : checked.get("workerStats")) {
      perWorker += w.get("checked").asInt();
    }
    assertThat(perWorker).isEqualTo(4);
    assertThat(Files.readAllLines(dir.resolve("check-failed.txt")))
        .isEqualTo(Files.readAllLines(dir.resolve("download-failed.txt")))
        .hasSize(4);
  }
}
