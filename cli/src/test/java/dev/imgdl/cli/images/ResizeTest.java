package dev.imgdl.cli.images;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.core.image.jpeg.JpegFiles;
import dev.imgdl.core.image.jpeg.JpegFiles.Sampling;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.text.Sha256;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.LocalSite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Images shaped for training, end to end in both worker modes against a local server: each
 * resize mode's sizes, the extension, the filters' reasons, the decode and scan limits, bodies
 * untouched without {@code --resize}, the metadata and a resume of resized shards.
 */
class ResizeTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, byte[]> served = new LinkedHashMap<>();
  private final Path out = server.out();

  @BeforeEach
  void serveImagesOfKnownSizes() {
    serve("/land.png", Drawn.image(200, 100, "png"));
    serve("/port.png", Drawn.image(100, 200, "png"));
    serve("/square.png", Drawn.image(150, 150, "png"));
    serve("/small.png", Drawn.image(40, 20, "png"));
    serve("/ok.png", Drawn.image(120, 100, "png"));
    serve("/photo.jpg", Drawn.image(80, 60, "jpg"));
    serve("/bomb.png", Drawn.pngHeader(40_000, 40_000));
    serve("/scans.jpg", JpegFiles.withScans(JpegFiles.encode(
        JpegFiles.photo(80, 60, BufferedImage.TYPE_INT_RGB, 1), true, Sampling.S420, 0, 0.9f),
        5000));
  }

  private void serve(String path, byte[] body) {
    served.put(path, body);
    server.stubFor(get(path).willReturn(aResponse().withBody(body)));
  }

  private Path list(String... paths) {
    return server.list(Arrays.stream(paths).map(p -> server.baseUrl() + p).toList());
  }

  private Cli.Outcome run(String mode, Path list, String... options) {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "--no-progress",
        "-o", out.toString(), "--report", server.dir().resolve("r.json").toString()));
    args.addAll(List.of(options));
    args.add(list.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  private JsonNode results() {
    return Cli.readJson(server.dir().resolve("r.json")).get("results");
  }

  private byte[] file(String name) throws IOException {
    return Files.readAllBytes(out.resolve(name));
  }

  static Stream<Arguments> resizeModes() {
    Map<String, List<String>> sizes = new LinkedHashMap<>();
    // land 200x100, port 100x200, square 150x150, small 40x20 at --resize 64, as img2dataset.
    sizes.put("border", List.of("64x64", "64x64", "64x64", "64x64"));
    sizes.put("keep_ratio", List.of("128x64", "64x128", "64x64", "128x64"));
    sizes.put("keep_ratio_largest", List.of("64x32", "32x64", "64x64", "64x32"));
    sizes.put("center_crop", List.of("64x64", "64x64", "64x64", "64x64"));
    return Stream.of("thread", "process").flatMap(mode -> sizes.entrySet().stream()
        .map(e -> Arguments.of(mode, e.getKey(), e.getValue())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("resizeModes")
  void eachResizeModeGivesImg2datasetsSizes(String mode, String resizeMode, List<String> sizes)
      throws IOException {
    Cli.Outcome run = run(mode, list("/land.png", "/port.png", "/square.png", "/small.png"),
        "--resize", "64", "--resize-mode", resizeMode);

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<String> got = new ArrayList<>();
    for (String name : List.of("land.jpg", "port.jpg", "square.jpg", "small.jpg")) {
      got.add(Drawn.size(file(name)));
    }
    assertThat(got).containsExactlyElementsOf(sizes);
    assertThat(Cli.files(out)).containsExactlyInAnyOrder("land.jpg", "port.jpg", "square.jpg",
        "small.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void onlyIfBiggerLeavesASmallerImageAtItsSize(String mode) throws IOException {
    Cli.Outcome run = run(mode, list("/land.png", "/small.png"), "--resize", "64",
        "--resize-mode", "keep_ratio", "--resize-only-if-bigger");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Drawn.size(file("land.jpg"))).isEqualTo("128x64");
    assertThat(Drawn.size(file("small.jpg"))).isEqualTo("40x20");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theExtensionFollowsTheEncodeFormat(String mode) throws IOException {
    serve("/a/pic.png", Drawn.image(30, 30, "png"));
    serve("/b/pic.jpg", Drawn.image(30, 30, "jpg"));
    serve("/noext", Drawn.image(30, 30, "png"));

    Cli.Outcome png = run(mode, list("/photo.jpg", "/noext"), "--resize", "16",
        "--encode-format", "png");
    assertThat(png.exitCode()).as(png.stderr()).isZero();
    assertThat(Cli.files(out)).containsExactlyInAnyOrder("photo.png", "noext.png");
    assertThat(Arrays.copyOf(file("photo.png"), 4)).containsExactly(0x89, 'P', 'N', 'G');

    Cli.Outcome jpg = run(mode, list("/a/pic.png", "/b/pic.jpg"), "--resize", "16");
    String hash = NamePlanner.sha256Prefix(server.baseUrl() + "/b/pic.jpg");
    assertThat(jpg.exitCode()).as(jpg.stderr()).isZero();
    assertThat(Cli.files(out)).contains("pic.jpg", "pic-" + hash + ".jpg");
    assertThat(Arrays.copyOf(file("pic.jpg"), 3)).containsExactly(0xff, 0xd8, 0xff);
    assertThat(results().get(0).get("file").asText()).isEqualTo("pic.jpg");
  }

  static Stream<Arguments> modesWithAndWithoutResize() {
    return Stream.of("thread", "process").flatMap(mode ->
        Stream.of(Arguments.of(mode, true), Arguments.of(mode, false)));
  }

  @ParameterizedTest(name = "{0} resize={1}")
  @MethodSource("modesWithAndWithoutResize")
  void theFiltersFailAnImageWithOneLineReasonWithOrWithoutResize(String mode, boolean resize)
      throws IOException {
    List<String> options = new ArrayList<>(List.of("--min-image-size", "50",
        "--max-aspect-ratio", "1.5", "--max-image-area", "20000"));
    if (resize) {
      options.addAll(List.of("--resize", "32"));
    }
    Path list = list("/land.png", "/square.png", "/small.png", "/ok.png");

    Cli.Outcome run = run(mode, list, options.toArray(String[]::new));

    String base = list + ":";
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().lines().filter(l -> l.startsWith(base)).toList())
        .containsExactlyInAnyOrder(
            base + "1 " + server.baseUrl() + "/land.png: aspect ratio 2: 200x100 (max 1.5)",
            base + "2 " + server.baseUrl() + "/square.png: too large: 150x150 (max area 20000)",
            base + "3 " + server.baseUrl() + "/small.png: too small: 40x20 (min 50)");
    assertThat(Cli.files(out)).containsExactly("ok" + (resize ? ".jpg" : ".png"));
    if (!resize) {
      assertThat(file("ok.png")).isEqualTo(served.get("/ok.png"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aDecompressionBombHeaderFailsWithoutBeingDecoded(String mode) {
    Cli.Outcome run = run(mode, list("/bomb.png", "/ok.png"), "--resize", "64");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(results().get(0).get("error").asText())
        .isEqualTo("too many pixels to decode: 40000x40000 (max 89478485)");
    assertThat(results().get(1).get("status").asText()).isEqualTo("downloaded");
    assertThat(Cli.files(out)).containsExactly("ok.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aJpegOfThousandsOfScansFailsWithoutBeingDecoded(String mode) {
    Cli.Outcome run = run(mode, list("/scans.jpg", "/ok.png"), "--resize", "64");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(results().get(0).get("error").asText())
        .isEqualTo("cannot decode jpg: 5000 scans (at most 100)");
    assertThat(results().get(1).get("status").asText()).isEqualTo("downloaded");
    assertThat(Cli.files(out)).containsExactly("ok.jpg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void withoutResizeBodiesStayByteForByteAndNoOriginalIsReported(String mode)
      throws IOException {
    Cli.Outcome run = run(mode, list("/land.png", "/photo.jpg", "/bomb.png"),
        "--min-image-size", "10");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(file("land.png")).isEqualTo(served.get("/land.png"));
    assertThat(file("photo.jpg")).isEqualTo(served.get("/photo.jpg"));
    // Never decoded, or it could not have been kept: its header says 1.6 gigapixels.
    assertThat(file("bomb.png")).isEqualTo(served.get("/bomb.png"));
    JsonNode land = results().get(0);
    assertThat(land.get("width").asInt()).isEqualTo(200);
    assertThat(land.get("originalWidth").isNull()).isTrue();
    assertThat(land.get("originalSha256").isNull()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aCheckRefusesWhatShapesASavedImageAndAppliesTheFilters(String mode) {
    for (String option : List.of("--resize=64", "--resize-mode=border", "--encode-format=png",
        "--encode-quality=80", "--resize-only-if-bigger")) {
      Cli.Outcome refused = Cli.run("--mode", mode, "--check", option,
          list("/ok.png").toString());
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.stderr()).isEqualTo("imgdl: error: --check saves nothing, so "
          + option.split("=")[0] + " cannot be used with it\n");
    }

    Cli.Outcome check = Cli.run("--mode", mode, "--check", "--no-progress",
        "--min-image-size", "50", list("/small.png", "/ok.png").toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stderr()).contains("/small.png: too small: 40x20 (min 50)\n")
        .contains("1 checked");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void theSavedAndOriginalImageAreDescribedInTheReportAndTheShardMetadata(String mode)
      throws IOException {
    Cli.Outcome run = run(mode, list("/land.png", "/port.png"), "--output-format",
        "webdataset", "--metadata", "jsonl", "--resize", "32", "--resize-mode", "keep_ratio");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Map<String, byte[]> members = members(out.resolve("00000.tar"));
    assertThat(members.keySet()).containsExactly("000000000.jpg", "000000000.json",
        "000000001.jpg", "000000001.json");
    List<String> rows = Files.readAllLines(out.resolve("00000.jsonl"));
    String[][] expected = {{"/land.png", "64", "32", "200", "100"},
        {"/port.png", "32", "64", "100", "200"}};
    for (int i = 0; i < 2; i++) {
      byte[] image = members.get("00000000" + i + ".jpg");
      String[] e = expected[i];
      JsonNode report = results().get(i);
      JsonNode row = JSON.readTree(rows.get(i));
      JsonNode keyJson = JSON.readTree(members.get("00000000" + i + ".json"));
      for (JsonNode described : List.of(report, row, keyJson)) {
        assertThat(described.get("width").asInt()).isEqualTo(Integer.parseInt(e[1]));
        assertThat(described.get("height").asInt()).isEqualTo(Integer.parseInt(e[2]));
        assertThat(described.get("originalWidth").asInt()).isEqualTo(Integer.parseInt(e[3]));
        assertThat(described.get("originalHeight").asInt()).isEqualTo(Integer.parseInt(e[4]));
        assertThat(described.get("bytes").asLong()).isEqualTo(image.length);
        assertThat(described.get("sha256").asText()).isEqualTo(sha256(image));
        assertThat(described.get("originalSha256").asText())
            .isEqualTo(sha256(served.get(e[0])));
      }
      assertThat(Drawn.size(image)).isEqualTo(e[1] + "x" + e[2]);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aResumeWithResizeAsksNothingForCompleteShardsAndRefusesAnotherShape(String mode) {
    Path list = list("/land.png", "/port.png", "/square.png", "/ok.png");
    String[] options = {"--output-format", "webdataset", "--metadata", "jsonl",
        "--shard-size", "2", "--resize", "32"};
    Cli.Outcome first = run(mode, list, options);
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    int asked = server.getAllServeEvents().size();

    Cli.Outcome again = run(mode, list, options);

    assertThat(again.exitCode()).as(again.stderr()).isZero();
    assertThat(server.getAllServeEvents()).hasSize(asked);
    assertThat(results()).allSatisfy(r -> {
      assertThat(r.get("status").asText()).isEqualTo("skipped");
      assertThat(r.get("resumed").asBoolean()).isTrue();
    });

    Cli.Outcome other = run(mode, list, "--output-format", "webdataset", "--metadata", "jsonl",
        "--shard-size", "2", "--resize", "16");

    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.stderr()).isEqualTo("imgdl: error: " + out + "/ holds shards of images "
        + "made with --resize 32 --resize-mode border --encode-format jpg --encode-quality 95; "
        + "this run asks for images made with --resize 16 --resize-mode border --encode-format "
        + "jpg --encode-quality 95: use the same options, or --overwrite\n");
    assertThat(server.getAllServeEvents()).hasSize(asked);
  }

  static String sha256(byte[] bytes) {
    return Sha256.hex(Sha256.digest().digest(bytes));
  }

  static Map<String, byte[]> members(Path tar) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        members.put(e.getName(), entries.readAllBytes());
      }
    }
    return members;
  }
}
