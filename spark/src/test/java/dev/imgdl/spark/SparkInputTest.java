package dev.imgdl.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.cli.Main;
import dev.imgdl.testing.Images;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark job ({@code local[2]}) reads its input as the CLI does, through the core's readers:
 * one input run through the CLI and through the job gives, row by row, the same URL, status and
 * error (a duplicate names the same first row: {@code FILE:LINE} in the CLI, its 1-based row in
 * the job) at the same position; a malformed row stops both with the same one line and exit 2
 * before any request; a folder's files are read in name order and numbered across them.
 */
class SparkInputTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("imgdl-input-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
    server.stubFor(get("/b.jpg").willReturn(aResponse().withBody(Images.jpeg())));
    server.stubFor(get("/gone.png").willReturn(aResponse().withStatus(404)));
  }

  /** An input file's name, its text (with {@code A}, {@code B}, {@code GONE} for URLs), mode. */
  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("in.csv", "\uFEFFurl,caption,key\n"
            + "A,\"two\nlines, quoted\",k1\n"
            + "B,plain,k2\n"
            + ",no url,k3\n"
            + "not a url,x,k4\n"
            + "A,again,k5\n"
            + "GONE,\"\"\"quoted\"\"\",k6\n", "thread"),
        Arguments.of("in.tsv", "url\tcaption\tkey\n"
            + "A\tfirst\tk1\n"
            + "\tno url\tk2\n"
            + "B\tsecond\tk3\n"
            + "A\tagain\tk4\n"
            + "GONE\tgone\tk5\n", "process"),
        Arguments.of("in.jsonl", "{\"url\": \"A\", \"caption\": \"x\\ny\", \"key\": 1}\n"
            + "{\"url\": 5, \"caption\": \"a number\", \"key\": 2}\n"
            + "{\"caption\": \"no url\", \"key\": 3}\n"
            + "\n"
            + "{\"url\": \"B\", \"caption\": \"b\", \"key\": 4}\n"
            + "{\"url\": \"A\", \"caption\": \"again\", \"key\": 5}\n", "thread"),
        Arguments.of("in.txt", "\uFEFF# a comment\n"
            + "A\n"
            + "\n"
            + "   \n"
            + "  # indented comment\n"
            + "B\r\n"
            + "not a url\n"
            + "A\n"
            + "GONE\n", "process"));
  }

  @ParameterizedTest(name = "{0} ({2} mode)")
  @MethodSource("inputs")
  void oneInputGivesTheCliResultsRowByRow(String name, String text, String mode)
      throws IOException {
    Path input = write(dir.resolve(name), text);
    List<String> table = name.endsWith(".txt") ? List.of()
        : List.of("--caption-col", "caption", "--save-cols", "key");

    List<JsonNode> cli = cli(mode, table, input);
    Job job = job(table, input);

    assertThat(job.code).as(job.err).isZero();
    assertSameRows(job.rows, cli);
  }

  @Test
  void aMultiLineCaptionReachesTheResultsWhole() throws IOException {
    Path input = write(dir.resolve("in.csv"), "\uFEFFurl,caption\nA,\"two\nlines\"\n");

    Job job = job(List.of("--caption-col", "caption"), input);

    assertThat(job.code).as(job.err).isZero();
    assertThat(job.rows).hasSize(1);
    assertThat(job.rows.get(0).<String>getAs("caption")).isEqualTo("two\nlines");
    assertThat(job.rows.get(0).<String>getAs("status")).isEqualTo("downloaded");
  }

  @Test
  void aMalformedRowStopsTheJobWithTheCliLineBeforeAnyRequest() throws IOException {
    Path input = write(dir.resolve("bad.csv"), "url,caption\nA,fine\nB,\"open\nstill open\n");

    Job job = job(List.of("--caption-col", "caption"), input);
    Outcome cli = cliRun("--mode", "thread", "--no-progress", "--caption-col", "caption",
        "-o", dir.resolve("cli").toString(), input.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).startsWith("imgdl: error: " + input + ":").hasLineCount(1);
    assertThat(job.code).isEqualTo(2);
    assertThat(job.err).isEqualTo(cli.err());
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aMissingColumnIsTheCliLine() throws IOException {
    Path input = write(dir.resolve("in.csv"), "link,caption\nA,x\n");

    Job job = job(List.of(), input);
    Outcome cli = cliRun("--mode", "thread", "--no-progress",
        "-o", dir.resolve("cli").toString(), input.toString());

    assertThat(job.code).isEqualTo(2);
    assertThat(job.err).isEqualTo(cli.err())
        .isEqualTo("imgdl: error: " + input + ": no column \"url\" (columns: link, caption)\n");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aFoldersFilesAreReadInNameOrderAndNumberedAcrossThem() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("in"));
    // The second file is the larger, which Spark's reader would have read first.
    Path first = write(folder.resolve("a.csv"), "url,caption\nA,first\nnot a url,x\n");
    Path second = write(folder.resolve("b.csv"), "url,caption\n"
        + "B,\"a longer caption, so that this file is the larger one\"\n"
        + "A,a duplicate of a.csv's first row\n"
        + "GONE,\"gone, with a long caption too\"\n");
    List<String> table = List.of("--caption-col", "caption");

    List<JsonNode> cli = cli("thread", table, first, second);
    // A folder's name says no format.
    List<String> csv = new ArrayList<>(List.of("--input-format", "csv"));
    csv.addAll(table);
    Job job = job(csv, folder);

    assertThat(job.code).as(job.err).isZero();
    assertThat(job.rows).extracting(r -> r.<String>getAs("caption"))
        .containsExactly("first", "x", "a longer caption, so that this file is the larger one",
            "a duplicate of a.csv's first row", "gone, with a long caption too");
    assertThat(job.rows.get(3).<String>getAs("error")).isEqualTo("duplicate of row 1");
    assertSameRows(job.rows, cli);
  }

  @Test
  void aParquetFilesRowsAreNumberedInTheFilesOrderAsTheCliNumbersThem() throws IOException {
    List<String> urls = List.of(server.url("/b.jpg"), "not a url", server.url("/a.png"),
        server.url("/gone.png"), server.url("/b.jpg"));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      rows.add(org.apache.spark.sql.RowFactory.create(urls.get(i), (long) i));
    }
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
        .add("url", "string").add("key", "long");
    Path written = dir.resolve("written");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(written.toString());
    Path input;
    try (Stream<Path> files = Files.list(written)) {
      input = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }

    Job job = job(List.of("--save-cols", "key"), input);

    assertThat(job.code).as(job.err).isZero();
    // The CLI numbers a Parquet file's rows by their position in it, from 1.
    assertThat(job.rows).extracting(r -> r.<String>getAs("url")).containsExactlyElementsOf(urls);
    assertThat(job.rows).extracting(r -> r.<Long>getAs("key")).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(job.rows.get(4).<String>getAs("error")).isEqualTo("duplicate of row 1");
  }

  /** The job's rows against the CLI's report, position by position. */
  private static void assertSameRows(List<Row> job, List<JsonNode> cli) {
    assertThat(job).hasSize(cli.size());
    for (int i = 0; i < cli.size(); i++) {
      JsonNode c = cli.get(i);
      Row j = job.get(i);
      String at = "row " + i + ": " + c;
      assertThat(j.<Long>getAs("id")).as(at).isEqualTo(i);
      assertThat(j.<String>getAs("url")).as(at).isEqualTo(c.get("url").asText());
      assertThat(j.<String>getAs("status")).as(at).isEqualTo(c.get("status").asText());
      String error = c.get("error").isNull() ? null : c.get("error").asText();
      if ("duplicate".equals(c.get("status").asText())) {
        error = "duplicate of row " + (firstAt(cli, error.substring("duplicate of ".length()))
            + 1);
      }
      assertThat(j.<String>getAs("error")).as(at).isEqualTo(error);
    }
  }

  /** The position of the CLI's result at {@code FILE:LINE}. */
  private static int firstAt(List<JsonNode> cli, String location) {
    for (int i = 0; i < cli.size(); i++) {
      JsonNode c = cli.get(i);
      if ((c.get("source").asText() + ":" + c.get("line").asInt()).equals(location)) {
        return i;
      }
    }
    throw new AssertionError("no result at " + location);
  }

  private Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text.replace("GONE", server.url("/gone.png"))
        .replace("A", server.url("/a.png")).replace("B", server.url("/b.jpg")));
  }

  private List<JsonNode> cli(String mode, List<String> table, Path... inputs) {
    Path report = dir.resolve("report-" + mode + ".json");
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "--no-progress",
        "--min-success", "0", "--report", report.toString(),
        "-o", dir.resolve("cli-" + mode).toString()));
    args.addAll(table);
    Stream.of(inputs).forEach(p -> args.add(p.toString()));

    Outcome run = cliRun(args.toArray(String[]::new));

    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> results = new ArrayList<>();
    try {
      new ObjectMapper().readTree(report.toFile()).get("results").forEach(results::add);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return results;
  }

  private record Outcome(int code, String err) {}

  /** The CLI in this JVM (its test jar is not on this module's path), as a user runs it. */
  private static Outcome cliRun(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(InputStream.nullInputStream(),
        new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Outcome(code, err.toString(StandardCharsets.UTF_8));
  }

  private record Job(int code, String err, List<Row> rows) {}

  private Job job(List<String> table, Path input) {
    Path out = dir.resolve("job");
    List<String> args = new ArrayList<>(List.of("--partitions", "2", "-w", "2",
        "--min-success", "0"));
    args.addAll(table);
    args.addAll(List.of(input.toString(), out.toString()));
    JobRun run = JobRun.on(spark, args);
    List<Row> rows = new ArrayList<>();
    if (Files.isDirectory(out.resolve("results"))) {
      rows.addAll(spark.read().parquet(out.resolve("results").toString()).collectAsList());
      rows.sort((a, b) -> Long.compare(a.<Long>getAs("id"), b.<Long>getAs("id")));
    }
    return new Job(run.code(), run.err(), rows);
  }
}
