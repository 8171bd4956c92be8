package dev.imgdl.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.cli.Main;
import dev.imgdl.core.result.ResultField;
import dev.imgdl.testing.Images;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images shaped for training in the Spark job ({@code local[2]}): a WebP resized on the
 * executors through TwelveMonkeys' plugin, and the same input through the CLI's thread mode, its
 * process mode and the job giving the same members byte for byte and the same metadata.
 */
class SparkResizeTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("imgdl-resize-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private String serve(String path, byte[] body) {
    server.stubFor(get(path).willReturn(aResponse().withBody(body)));
    return server.url(path);
  }

  @Test
  void aWebpIsResizedByTheJobOnItsExecutors() throws Exception {
    Path input = Files.write(dir.resolve("in.txt"),
        List.of(serve("/photo.webp", Fixtures.resource("photo.webp"))));
    Path out = dir.resolve("out");

    String err = spark("--resize", "32", "--partitions", "2", input.toString(), out.toString());

    List<Path> tars = Shards.tars(out.resolve("shards"));
    assertThat(tars).as(err).hasSize(1);
    Map<String, byte[]> members = Shards.members(tars.get(0));
    assertThat(members).containsKey("000000000.jpg");
    var image = ImageIO.read(new ByteArrayInputStream(members.get("000000000.jpg")));
    assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(32, 32);
    Row row = spark.read().parquet(out.resolve("results").toString()).collectAsList().get(0);
    assertThat(row.<String>getAs("status")).isEqualTo("downloaded");
    assertThat(List.<Object>of(row.getAs("width"), row.getAs("height"),
        row.getAs("originalWidth"), row.getAs("originalHeight")))
        .containsExactly(32, 32, 64, 48);
    assertThat(row.<String>getAs("originalSha256"))
        .isEqualTo(Images.sha256(Fixtures.resource("photo.webp")));
  }

  @Test
  void threadModeProcessModeAndTheJobMakeTheSameBytes() throws Exception {
    List<String> urls = List.of(
        serve("/landscape.jpg", Fixtures.drawn(120, 80, false, "jpg")),
        serve("/portrait.png", Fixtures.drawn(60, 100, true, "png")),
        serve("/cmyk.jpg", Fixtures.resource("cmyk.jpg")),
        serve("/turned.jpg", Fixtures.withOrientation(Fixtures.drawn(90, 50, false, "jpg"), 6)),
        serve("/photo.webp", Fixtures.resource("photo.webp")),
        serve("/animated.gif", Fixtures.resource("animated.gif")),
        serve("/logo.svg", Images.svg()),
        serve("/tiny.png", Fixtures.drawn(10, 10, false, "png")),
        serve("/deep.png", Fixtures.resource("rgb16.png")));
    Path list = Files.write(dir.resolve("in.txt"), urls);
    String[] shape = {"--resize", "64", "--min-image-size", "16", "--min-success", "0"};

    Shard thread = cli("thread", list, shape);
    Shard process = cli("process", list, shape);
    Path out = dir.resolve("spark");
    List<String> args = new ArrayList<>(List.of(shape));
    args.addAll(List.of("--partitions", "1", list.toString(), out.toString()));
    String err = spark(args.toArray(String[]::new));
    List<Path> tars = Shards.tars(out.resolve("shards"));
    assertThat(tars).as(err).hasSize(1);
    Shard job = new Shard(Shards.members(tars.get(0)), sparkRows(out));

    assertThat(thread.images().keySet()).containsExactly("000000000.jpg", "000000001.jpg",
        "000000002.jpg", "000000003.jpg", "000000004.jpg", "000000005.jpg", "000000008.jpg");
    for (Shard other : List.of(process, job)) {
      assertThat(other.images().keySet()).containsExactlyElementsOf(thread.images().keySet());
      for (String name : thread.images().keySet()) {
        assertThat(other.images().get(name)).as(name).isEqualTo(thread.images().get(name));
      }
      assertThat(other.rows()).isEqualTo(thread.rows());
      assertThat(other.keyJson()).isEqualTo(thread.keyJson());
    }
    assertThat(thread.rows().get(6)).containsEntry("error", "cannot decode svg");
    assertThat(thread.rows().get(7)).containsEntry("error", "too small: 10x10 (min 16)");
    // Exif 6: a 90x50 JPEG displayed 50x90, saved upright in 64x64.
    assertThat(thread.rows().get(3)).containsEntry("originalWidth", "50")
        .containsEntry("originalHeight", "90");
  }

  /**
   * One shard as a test compares it: the image members, and the metadata fields of each entry
   * (the shard's rows, or the job's results) and of each member's {@code KEY.json}.
   */
  private record Shard(Map<String, byte[]> members, List<Map<String, String>> rows) {
    Map<String, byte[]> images() {
      Map<String, byte[]> images = new TreeMap<>();
      members.forEach((name, bytes) -> {
        if (!name.endsWith(".json")) {
          images.put(name, bytes);
        }
      });
      return images;
    }

    Map<String, Map<String, String>> keyJson() throws Exception {
      Map<String, Map<String, String>> fields = new TreeMap<>();
      for (var e : members.entrySet()) {
        if (e.getKey().endsWith(".json")) {
          fields.put(e.getKey(), metadataFields(JSON.readTree(e.getValue())));
        }
      }
      return fields;
    }
  }

  private static Map<String, String> metadataFields(JsonNode node) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (ResultField field : ResultField.in(ResultField.Output.METADATA)) {
      JsonNode value = node.get(field.label());
      fields.put(field.label(), value == null || value.isNull() ? null : value.asText());
    }
    return fields;
  }

  private Shard cli(String mode, Path list, String... shape) throws Exception {
    Path out = dir.resolve(mode);
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "--no-progress",
        "--output-format", "webdataset", "--metadata", "jsonl", "-o", out.toString()));
    args.addAll(List.of(shape));
    args.add(list.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream none = InputStream.nullInputStream();
    int code = Main.run(none, new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("00000.jsonl"))) {
      rows.add(metadataFields(JSON.readTree(line)));
    }
    return new Shard(Shards.members(out.resolve("00000.tar")), rows);
  }

  private static List<Map<String, String>> sparkRows(Path out) {
    List<Row> rows = new ArrayList<>(
        spark.read().parquet(out.resolve("results").toString()).collectAsList());
    rows.sort((a, b) -> Long.compare(a.<Long>getAs("id"), b.<Long>getAs("id")));
    List<Map<String, String>> fields = new ArrayList<>();
    for (Row r : rows) {
      Map<String, String> row = new LinkedHashMap<>();
      for (ResultField field : ResultField.in(ResultField.Output.METADATA)) {
        Object value = r.getAs(field.label());
        row.put(field.label(), value == null ? null : String.valueOf(value));
      }
      fields.add(row);
    }
    return fields;
  }

  private static String spark(String... args) {
    JobRun run = JobRun.on(spark, args);
    assertThat(run.code()).as(run.err()).isZero();
    return run.err();
  }
}
