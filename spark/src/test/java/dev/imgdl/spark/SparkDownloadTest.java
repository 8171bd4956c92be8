package dev.imgdl.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SparkDownload end to end in {@code local[2,3]} (two threads, a failed task tried up to three
 * times), bound to 127.0.0.1, against a WireMock server on 127.0.0.1: one session for the class.
 */
class SparkDownloadTest {
  private static final String FAIL_ONCE = "spark.imgdl.test.failOncePartition";

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("local[2,3]", "imgdl-test", 3);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static byte[] image(int n) {
    return Images.bigPng(4 + n);
  }

  private void serveImages(int count) {
    for (int n = 0; n < count; n++) {
      server.stubFor(get("/img/" + n + ".png").willReturn(aResponse().withBody(image(n))));
    }
    server.stubFor(get("/missing.png").willReturn(aResponse().withStatus(404)));
  }

  @Test
  void everyRowIsAccountedOnceAndEveryImageIsItsTarMemberDespiteARetriedTask() throws Exception {
    serveImages(20);
    List<String> lines = new ArrayList<>(List.of("url,caption,license"));
    for (int n = 0; n < 20; n++) {
      lines.add(server.url("/img/" + n + ".png") + ",\"image " + n + ", with a comma\",cc-" + n);
    }
    lines.add(server.url("/img/3.png") + "#again,duplicate,x");
    lines.add("ftp://example.invalid/a.png,bad scheme,x");
    lines.add(",no url,x");
    lines.add(server.url("/missing.png") + ",gone,x");
    lines.add(server.url("/img/0.png").replace("http://", "http://user:secret@") + ",auth,x");
    Path input = dir.resolve("in.csv");
    Files.write(input, lines);
    Path out = dir.resolve("out");
    int built = ExecutorClients.built();

    System.setProperty(FAIL_ONCE, "1");
    JobRun run;
    try {
      run = run("--caption-col", "caption", "--save-cols", "license", "--partitions", "3",
          "-w", "2", "--retries", "0", "--min-success", "0", input.toString(), out.toString());
    } finally {
      System.clearProperty(FAIL_ONCE);
    }

    assertThat(run.code()).as(run.err()).isZero();
    Map<Long, Row> byId = results(out);
    assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids(25));
    for (long id = 0; id < 20; id++) {
      Row r = byId.get(id);
      assertThat(r.<String>getAs("status")).as("row %d", id).isEqualTo("downloaded");
      assertThat(r.<String>getAs("sha256")).isEqualTo(Images.sha256(image((int) id)));
      assertThat(r.<String>getAs("caption")).isEqualTo("image " + id + ", with a comma");
      assertThat(r.<String>getAs("license")).isEqualTo("cc-" + id);
      assertThat(r.<String>getAs("member")).isEqualTo(String.format("%09d.png", id));
    }
    assertThat(byId.get(20L).<String>getAs("status")).isEqualTo("duplicate");
    assertThat(byId.get(20L).<String>getAs("error")).isEqualTo("duplicate of row 4");
    assertThat(byId.get(21L).<String>getAs("status")).isEqualTo("invalid");
    assertThat(byId.get(22L).<String>getAs("status")).isEqualTo("invalid");
    assertThat(byId.get(23L).<String>getAs("status")).isEqualTo("failed");
    assertThat(byId.get(23L).<String>getAs("error")).contains("404");
    assertThat(byId.get(24L).<String>getAs("status")).isEqualTo("downloaded");
    assertThat(byId.values()).noneMatch(r -> String.valueOf(r.<String>getAs("url")).contains("secret"));

    assertMembersMatch(out, byId);
    Set<String> shards = shardFiles(out);
    assertThat(shards).isEqualTo(referenced(byId));
    assertThat(shards).anyMatch(s -> s.matches(".*/part-00001-a1\\.tar"))
        .noneMatch(s -> s.matches(".*/part-00001-a0\\.tar"));
    assertThat(ExecutorClients.built() - built).isLessThanOrEqualTo(1);
    // Numbered from 0, shard = partition, and no write task holds only rows not downloaded.
    assertThat(shards).allMatch(s -> s.matches(".*/part-0000[0-2]-a[01]\\.tar"));
    assertThat(byId.values()).allMatch(r -> r.getAs("shard") == null
        || r.<String>getAs("shard").contains(String.format("/part-%05d-", r.<Integer>getAs(
            "partition"))));
    assertThat(byId.values().stream().map(r -> r.<Integer>getAs("partition"))
        .filter(p -> p != null).distinct().sorted().toList()).containsExactly(0, 1, 2);
    try (Stream<Path> files = Files.list(out.resolve("results"))) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".parquet")))
          .as("one results file per write task").hasSize(3);
    }

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/summary/entries").asInt()).isEqualTo(25);
    assertThat(summary.at("/summary/downloaded").asInt()).isEqualTo(21);
    // The job has no --check: the CLI's summary fields, with none checked.
    assertThat(summary.at("/summary/checked").isInt()).isTrue();
    assertThat(summary.at("/summary/checked").asInt()).isZero();
    assertThat(summary.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(summary.at("/summary/invalid").asInt()).isEqualTo(2);
    assertThat(summary.at("/summary/duplicate").asInt()).isEqualTo(1);
    assertThat(summary.at("/partitions").size()).isEqualTo(3);
    assertThat(summary.at("/partitions/0/partition").asInt()).isZero();
    long entries = 0;
    for (JsonNode p : summary.at("/partitions")) {
      entries += p.at("/entries").asLong();
    }
    assertThat(entries).isEqualTo(22);
    assertThat(run.out()).contains("25 entries: 21 downloaded");
  }

  @Test
  void aRerunFetchesOnlyWhatTheCommittedResultsDoNotHold() throws Exception {
    serveImages(6);
    server.stubFor(get("/later.png").willReturn(aResponse().withStatus(500)));
    StructType schema = new StructType().add("url", DataTypes.StringType)
        .add("n", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      rows.add(RowFactory.create(server.url("/img/" + n + ".png"), n));
    }
    rows.add(RowFactory.create(server.url("/later.png"), 6));
    Path input = dir.resolve("in.parquet");
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(input.toString());
    Path out = dir.resolve("out");
    String[] args = {"--partitions", "2", "--retries", "0", "--save-cols", "n",
        input.toString(), out.toString()};

    JobRun first = run(args);
    assertThat(first.code()).as(first.err()).isEqualTo(1);
    Map<Long, Row> before = results(out);
    server.stubFor(get("/later.png").willReturn(aResponse().withBody(image(40))));
    JobRun second = run(args);

    assertThat(second.code()).as(second.err()).isZero();
    Map<Long, Row> after = results(out);
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(ids(7));
    for (long id = 0; id < 6; id++) {
      assertThat(after.get(id).<String>getAs("status")).isEqualTo("skipped");
      assertThat(after.get(id).<String>getAs("shard"))
          .isEqualTo(before.get(id).<String>getAs("shard"));
      assertThat(after.get(id).<Integer>getAs("n")).isEqualTo((int) id);
      server.verify(1, getRequestedFor(urlEqualTo("/img/" + id + ".png")));
    }
    assertThat(after.get(6L).<String>getAs("status")).isEqualTo("downloaded");
    server.verify(2, getRequestedFor(urlEqualTo("/later.png")));
    assertMembersMatch(out, after);
    assertThat(shardFiles(out)).isEqualTo(referenced(after));
  }

  @Test
  void theResultColumnsHaveTheReportsNamesAndTheUrlOfARedirectsLastResponse()
      throws IOException {
    server.stubFor(get("/typed.png").willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(image(1))));
    server.stubFor(get("/moved.png").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/typed.png")));
    Path input = dir.resolve("urls.txt");
    Files.write(input, List.of(server.url("/typed.png"), server.url("/moved.png")));
    Path out = dir.resolve("out");

    JobRun r = run(input.toString(), out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> columns =
        List.of(spark.read().parquet(out.resolve("results").toString()).columns());
    assertThat(columns.subList(columns.indexOf("status"), columns.size())).containsExactly(
        "status", "bytes", "sha256", "contentType", "finalUrl", "millis", "error", "width",
        "height", "originalWidth", "originalHeight", "originalSha256", "partition", "shard",
        "member");
    Map<Long, Row> byId = results(out);
    assertThat(byId.get(0L).<String>getAs("contentType")).isEqualTo("image/png");
    assertThat(byId.get(0L).<String>getAs("finalUrl")).isNull();
    assertThat(byId.get(1L).<String>getAs("finalUrl")).isEqualTo(server.url("/typed.png"));
  }

  @Test
  void aRerunOverResultsWithTheOldContentTypeColumnStillResumes() throws Exception {
    server.stubFor(get("/typed.png").willReturn(aResponse()
        .withHeader("Content-Type", "image/png").withBody(image(2))));
    Path input = dir.resolve("urls.txt");
    Files.write(input, List.of(server.url("/typed.png")));
    Path out = dir.resolve("out");
    assertThat(run(input.toString(), out.toString()).code()).isZero();
    // The results as a version before the report's names and finalUrl wrote them.
    Path results = out.resolve("results");
    Path old = dir.resolve("old-results");
    spark.read().parquet(results.toString()).withColumnRenamed("contentType", "content_type")
        .drop("finalUrl").write().parquet(old.toString());
    deleteTree(results);
    Files.move(old, results);

    JobRun again = run(input.toString(), out.toString());

    assertThat(again.code()).as(again.err()).isZero();
    Row row = results(out).get(0L);
    assertThat(row.<String>getAs("status")).isEqualTo("skipped");
    assertThat(row.<String>getAs("contentType")).isEqualTo("image/png");
    assertThat(row.schema().fieldNames()).doesNotContain("content_type").contains("finalUrl");
    server.verify(1, getRequestedFor(urlEqualTo("/typed.png")));
    assertMembersMatch(out, results(out));
  }

  @Test
  void badOptionsAndMissingColumnsAreOneLineAndExit2() throws IOException {
    Path input = dir.resolve("in.jsonl");
    Files.writeString(input, "{\"link\": \"http://127.0.0.1:1/a.png\"}\n");
    for (String[] args : List.of(
        new String[] {"--workers", "0", input.toString(), "out"},
        new String[] {"--timeout", "soon", input.toString(), "out"},
        new String[] {"--input-format", "xml", input.toString(), "out"},
        new String[] {input.toString(), dir.resolve("out").toString()})) {
      JobRun r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip()).startsWith("imgdl: error: ").doesNotContain("\n")
          .doesNotContain("Exception");
    }
    assertThat(run(input.toString(), "x").err()).contains("no column \"url\"");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"url\": \"http://127.0.0.1:1/a.png\"}\n{\"url\": \n");
    JobRun malformed = run(bad.toString(), dir.resolve("bad-out").toString());
    assertThat(malformed.code()).as(malformed.err()).isEqualTo(2);
    assertThat(malformed.err().strip()).startsWith("imgdl: error: " + bad + ":2: malformed JSON")
        .doesNotContain("\n");
  }

  @Test
  void aListSkipsBlankLinesAndCommentsAsTheCliDoes() throws IOException {
    serveImages(2);
    Path input = dir.resolve("urls.txt");
    Files.write(input, List.of("# two images", server.url("/img/0.png"), "", "  ",
        server.url("/img/1.png")));
    Path out = dir.resolve("out");

    JobRun r = run(input.toString(), out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    Map<Long, Row> byId = results(out);
    assertThat(byId.keySet()).containsExactlyInAnyOrder(0L, 1L);
    assertThat(byId.get(1L).<String>getAs("sha256")).isEqualTo(Images.sha256(image(1)));
    assertMembersMatch(out, byId);
    // Spark's own lines on the driver's console: errors only, unless -vv.
    assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.ERROR);

    assertThat(run("-vv", input.toString(), out.toString()).code()).isZero();
    assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.WARN);
    spark.sparkContext().setLogLevel("ERROR");
  }

  private static JobRun run(String... args) {
    return JobRun.on(spark, args);
  }

  private static Map<Long, Row> results(Path out) {
    Map<Long, Row> byId = new HashMap<>();
    for (Row r : spark.read().parquet(out.resolve("results").toString()).collectAsList()) {
      assertThat(byId.put(r.<Long>getAs("id"), r)).as("id %s twice", r.<Long>getAs("id"))
          .isNull();
    }
    return byId;
  }

  private static List<Long> ids(int n) {
    List<Long> ids = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      ids.add(i);
    }
    return ids;
  }

  /** Every downloaded or carried row's member is in its shard, with the row's sha256. */
  private static void assertMembersMatch(Path out, Map<Long, Row> byId) throws IOException {
    Map<String, Map<String, String>> tars = new HashMap<>();
    for (Row r : byId.values()) {
      String shard = r.getAs("shard");
      if (shard == null) {
        continue;
      }
      Map<String, String> members = tars.computeIfAbsent(shard, s -> members(out.resolve(s)));
      assertThat(members).containsEntry(r.<String>getAs("member"), r.<String>getAs("sha256"));
    }
  }

  private static Map<String, String> members(Path tar) {
    Map<String, String> members = new HashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      TarArchiveEntry e;
      while ((e = entries.getNextEntry()) != null) {
        members.put(e.getName(), Images.sha256(entries.readAllBytes()));
      }
    } catch (IOException e) {
      throw new AssertionError(tar + ": " + e, e);
    }
    return members;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  private static Set<String> shardFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out.resolve("shards"))) {
      Set<String> names = new HashSet<>();
      files.filter(Files::isRegularFile).forEach(f -> names.add(out.relativize(f).toString()));
      return names;
    }
  }

  private static Set<String> referenced(Map<Long, Row> byId) {
    Set<String> shards = new HashSet<>();
    byId.values().stream().map(r -> r.<String>getAs("shard")).filter(s -> s != null)
        .forEach(shards::add);
    return shards;
  }
}
