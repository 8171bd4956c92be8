package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole product path, run in-process against a local server, in both worker modes. */
class EndToEndTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path dir = server.dir();
  private String base;
  private final Map<String, byte[]> bodies = new LinkedHashMap<>();

  @BeforeEach
  void serveMixedSite() {
    base = server.baseUrl();
    image("/img/photo.jpg", Images.jpeg(), "image/jpeg");
    image("/img/pic.png", Images.png(), "image/png");
    image("/img/anim.gif", Images.gif(), "image/gif");
    image("/img/p.webp", Images.webp(), "image/webp");
    image("/img/b.bmp", Images.bmp(), "image/bmp");
    image("/img/t.tiff", Images.tiff(), "image/tiff");
    image("/img/favicon.ico", Images.ico(), "image/x-icon");
    image("/img/a.avif", Images.avif(), "image/avif");
    image("/img/logo.svg", Images.svg(), "image/svg+xml");
    image("/other/photo.jpg", Images.concat(Images.jpeg(), new byte[] {1}), "image/jpeg");
    image("/noext", Images.png(), "application/octet-stream");
    server.stubFor(
        get(urlPathEqualTo("/thumb"))
            .withQueryParam("id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
            .willReturn(aResponse().withBody(Images.png())));
    server.stubFor(
        get(urlPathEqualTo("/thumb"))
            .withQueryParam("id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))
            .willReturn(aResponse().withBody(Images.gif())));
    server.stubFor(get("/missing.png").willReturn(aResponse().withStatus(404)));
    server.stubFor(
        get("/page.jpg")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody(Images.html())));
  }

  private void image(String path, byte[] body, String type) {
    bodies.put(path, body);
    server.stubFor(
        get(path).willReturn(aResponse().withHeader("Content-Type", type).withBody(body)));
  }

  private List<String> mixedList() {
    List<String> lines = new ArrayList<>();
    lines.add("# a mixed list");
    for (String path : List.of("/img/photo.jpg", "/img/pic.png", "/img/anim.gif", "/img/p.webp",
        "/img/b.bmp", "/img/t.tiff", "/img/favicon.ico", "/img/a.avif", "/img/logo.svg")) {
      lines.add(base + path);
    }
    lines.add(base + "/missing.png");
    lines.add(base + "/page.jpg");
    lines.add("");
    lines.add(base.toUpperCase().replace("HTTP://", "http://") + "/img/pic.png#again");
    lines.add("not a url");
    lines.add(base + "/other/photo.jpg");
    lines.add(base + "/thumb?id=1");
    lines.add(base + "/thumb?id=2");
    lines.add(base + "/noext");
    return lines;
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void mixedListGivesExactlyTheFilesStatusesNamesAndExitCode(String mode) {
    Path list = Cli.list(dir, "list.txt", mixedList());
    Path out = dir.resolve("out");
    Path report = dir.resolve("report.json");
    Cli.Outcome run = Cli.run("-o", out.toString(), "-w", "3", "--mode", mode,
        "--report", report.toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    String q1 = NamePlanner.sha256Prefix(base + "/thumb?id=1");
    String q2 = NamePlanner.sha256Prefix(base + "/thumb?id=2");
    String other = NamePlanner.sha256Prefix(base + "/other/photo.jpg");
    assertThat(Cli.files(out))
        .containsExactlyInAnyOrder("photo.jpg", "pic.png", "anim.gif", "p.webp", "b.bmp",
            "t.tiff", "favicon.ico", "a.avif", "logo.svg", "photo-" + other + ".jpg",
            "thumb-" + q1 + ".png", "thumb-" + q2 + ".gif", "noext.png");
    JsonNode json = Cli.readJson(report);
    assertThat(json.get("mode").asText()).isEqualTo(mode);
    assertThat(json.get("workers").asInt()).isEqualTo(3);
    JsonNode summary = json.get("summary");
    assertThat(summary.get("entries").asInt()).isEqualTo(17);
    assertThat(summary.get("downloaded").asInt()).isEqualTo(13);
    assertThat(summary.get("failed").asInt()).isEqualTo(2);
    assertThat(summary.get("invalid").asInt()).isEqualTo(1);
    assertThat(summary.get("duplicate").asInt()).isEqualTo(1);
    assertThat(summary.get("skipped").asInt()).isZero();
    assertThat(summary.get("successRatio").asDouble()).isEqualTo(13.0 / 16);
    JsonNode results = json.get("results");
    assertThat(results).hasSize(17);
    assertThat(results.get(0).get("line").asInt()).isEqualTo(2);
    assertThat(results.get(0).get("source").asText()).isEqualTo(list.toString());
    assertThat(results.get(0).get("sha256").asText())
        .isEqualTo(Images.sha256(bodies.get("/img/photo.jpg")));
    assertThat(results.get(0).get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(results.get(0).get("httpStatus").asInt()).isEqualTo(200);
    assertThat(results.get(0).get("attempts").asInt()).isEqualTo(1);
    assertThat(results.get(9).get("error").asText()).isEqualTo("HTTP 404");
    assertThat(results.get(9).get("httpStatus").asInt()).isEqualTo(404);
    assertThat(results.get(10).get("error").asText()).isEqualTo("not an image (text/html)");
    assertThat(results.get(11).get("status").asText()).isEqualTo("duplicate");
    assertThat(results.get(11).get("error").asText()).isEqualTo("duplicate of " + list + ":3");
    assertThat(results.get(11).get("worker").isNull()).isTrue();
    assertThat(results.get(12).get("status").asText()).isEqualTo("invalid");
    assertThat(results.get(12).get("worker").isNull()).isTrue();
    assertThat(results.get(16).get("file").asText()).isEqualTo("noext.png");
    int workerEntries = 0;
    for (JsonNode w : json.get("workerStats")) {
      workerEntries += w.get("entries").asInt();
    }
    assertThat(workerEntries).isEqualTo(15);
    assertThat(run.stderr())
        .contains(list + ":11 " + base + "/missing.png: HTTP 404")
        .contains(list + ":15 not a url: ")
        .contains("17 entries: 13 downloaded, 0 skipped, 2 failed, 1 invalid, 1 duplicate");
    for (String path : bodies.keySet()) {
      if (!path.equals("/noext")) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.equals("/other/photo.jpg")) {
          name = "photo-" + other + ".jpg";
        }
        assertThat(out.resolve(name)).hasBinaryContent(bodies.get(path));
      }
    }
  }

  @Test
  void bothModesAgreeOnEveryEntrysStatusFileAndSha256() {
    Path list = Cli.list(dir, "list.txt", mixedList());
    JsonNode thread = runFor("thread", list);
    JsonNode process = runFor("process", list);
    assertThat(process.get("summary")).isEqualTo(thread.get("summary"));
    for (int i = 0; i < thread.get("results").size(); i++) {
      JsonNode a = thread.get("results").get(i);
      JsonNode b = process.get("results").get(i);
      for (String field : List.of("source", "line", "url", "status", "file", "bytes", "sha256",
          "contentType", "httpStatus", "finalUrl", "attempts", "error")) {
        assertThat(b.get(field)).as("entry %d field %s", i, field).isEqualTo(a.get(field));
      }
    }
  }

  private JsonNode runFor(String mode, Path list) {
    Path out = dir.resolve("out-" + mode);
    Path report = dir.resolve(mode + ".json");
    Cli.run("-q", "-o", out.toString(), "-w", "2", "--mode", mode, "--report", report.toString(),
        list.toString());
    return Cli.readJson(report);
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void secondRunSkipsEverythingAndSendsNoImageRequest(String mode) throws Exception {
    Path list = Cli.list(dir, "list.txt", mixedList());
    Path out = dir.resolve("out");
    Cli.run("-q", "-o", out.toString(), "--mode", mode, "-w", "2", list.toString());
    server.resetRequests();
    Files.delete(out.resolve("pic.png"));
    Cli.Outcome second = Cli.run("-o", out.toString(), "--mode", mode, "-w", "2",
        "--report", "-", list.toString());
    JsonNode summary = second.json().get("summary");
    assertThat(summary.get("skipped").asInt()).isEqualTo(12);
    assertThat(summary.get("downloaded").asInt()).isEqualTo(1);
    List<String> requested =
        server.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList();
    assertThat(requested).containsExactlyInAnyOrder("/img/pic.png", "/missing.png", "/page.jpg");
    JsonNode skipped = second.json().get("results").get(0);
    assertThat(skipped.get("status").asText()).isEqualTo("skipped");
    assertThat(skipped.get("file").asText()).isEqualTo("photo.jpg");
    assertThat(skipped.get("attempts").asInt()).isZero();
    assertThat(skipped.get("resumed").asBoolean()).as("only shards resume").isFalse();
    assertThat(second.json().get("results").get(16).get("file").asText()).isEqualTo("noext.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void overwriteFetchesEverythingAgain(String mode) {
    Path list = Cli.list(dir, "list.txt", mixedList());
    Path out = dir.resolve("out");
    Cli.run("-q", "-o", out.toString(), "--mode", mode, list.toString());
    Cli.Outcome again = Cli.run("-q", "-o", out.toString(), "--mode", mode, "--overwrite",
        "--report", "-", list.toString());
    assertThat(again.json().get("summary").get("downloaded").asInt()).isEqualTo(13);
    assertThat(again.json().get("summary").get("skipped").asInt()).isZero();
  }
}
