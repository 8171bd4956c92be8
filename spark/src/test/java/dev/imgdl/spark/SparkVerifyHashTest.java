package dev.imgdl.spark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verify-hash} in the Spark job ({@code local[2]}, a WireMock server on 127.0.0.1), as
 * the CLI's {@code VerifyHashTest} has it: a body whose SHA-256 or MD5 is not its row's fails
 * with {@code hash mismatch}, is not retried and is no member of a tar; a row whose cell holds
 * no hash is invalid with the CLI's reason; a re-run asks for a mismatch again; a missing
 * column is refused before any request.
 */
class SparkVerifyHashTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static SparkSession spark;

  private final byte[] png = Images.png();
  private final byte[] jpeg = Images.jpeg();

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = LocalSpark.session("imgdl-verify-hash-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(png)));
    server.stubFor(get("/b.jpg").willReturn(aResponse().withBody(jpeg)));
    server.stubFor(get("/c.png").willReturn(aResponse().withBody(png)));
    server.stubFor(get("/d.png").willReturn(aResponse().withBody(png)));
  }

  @Test
  void aSha256MismatchFailsWithoutAMemberARowWithoutAHashIsInvalidAndARerunAsksAgain()
      throws IOException {
    String right = digest("SHA-256", png);
    String md5 = digest("MD5", png);
    Path input = Files.writeString(dir.resolve("data.csv"), "url,h\n"
        + server.url("/a.png") + "," + right.toUpperCase(Locale.ROOT) + "\n"
        + server.url("/b.jpg") + "," + right + "\n"
        + server.url("/c.png") + ",\n"
        + server.url("/d.png") + "," + md5 + "\n");
    Path out = dir.resolve("out");
    String[] args = {"--verify-hash", "h", "--retries", "2", "--partitions", "2",
        "--min-success", "0", input.toString(), out.toString()};

    JobRun run = run(args);

    assertThat(run.code()).as(run.err()).isZero();
    Map<Long, Row> byId = results(out);
    assertThat(byId.get(0L).<String>getAs("status")).isEqualTo("downloaded");
    assertThat(byId.get(1L).<String>getAs("status")).isEqualTo("failed");
    assertThat(byId.get(1L).<String>getAs("error")).isEqualTo("hash mismatch (sha256: expected "
        + right.substring(0, 12) + "…, got " + digest("SHA-256", jpeg).substring(0, 12) + "…)");
    assertThat(byId.get(1L).<String>getAs("shard")).isNull();
    assertThat(byId.get(2L).<String>getAs("status")).isEqualTo("invalid");
    assertThat(byId.get(2L).<String>getAs("error"))
        .isEqualTo("no sha256 hash (column \"h\" is empty)");
    assertThat(byId.get(3L).<String>getAs("status")).isEqualTo("invalid");
    assertThat(byId.get(3L).<String>getAs("error")).isEqualTo("not a sha256 hash: column \"h\" "
        + "holds \"" + md5 + "\" (64 hex digits expected)");
    server.verify(1, getRequestedFor(urlEqualTo("/b.jpg")));
    server.verify(0, getRequestedFor(urlEqualTo("/c.png")));
    server.verify(0, getRequestedFor(urlEqualTo("/d.png")));
    assertThat(members(out)).containsOnlyKeys("000000000.png", "000000000.json")
        .containsEntry("000000000.png", right);
    List<String> columns =
        List.of(spark.read().parquet(out.resolve("results").toString()).columns());
    assertThat(columns.subList(0, columns.indexOf("status")))
        .containsExactly("id", "url", "caption");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/summary/downloaded").asInt()).isEqualTo(1);
    assertThat(summary.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(summary.at("/summary/invalid").asInt()).isEqualTo(2);

    JobRun again = run(args);

    assertThat(again.code()).as(again.err()).isZero();
    Map<Long, Row> after = results(out);
    assertThat(after.get(0L).<String>getAs("status")).isEqualTo("skipped");
    assertThat(after.get(1L).<String>getAs("status")).isEqualTo("failed");
    server.verify(1, getRequestedFor(urlEqualTo("/a.png")));
    server.verify(2, getRequestedFor(urlEqualTo("/b.jpg")));
  }

  @Test
  void anMd5ColumnIsVerifiedAsTheCliDoes() throws IOException {
    String md5 = digest("MD5", png);
    Path input = Files.writeString(dir.resolve("data.jsonl"),
        "{\"url\": \"" + server.url("/a.png") + "\", \"md5\": \"" + md5 + "\"}\n"
        + "{\"url\": \"" + server.url("/b.jpg") + "\", \"md5\": \"" + md5 + "\"}\n");
    Path out = dir.resolve("out");

    JobRun run = run("--verify-hash", "md5:md5", "--partitions", "1", "--min-success", "0",
        input.toString(), out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    Map<Long, Row> byId = results(out);
    assertThat(byId.get(0L).<String>getAs("status")).isEqualTo("downloaded");
    assertThat(byId.get(1L).<String>getAs("status")).isEqualTo("failed");
    assertThat(byId.get(1L).<String>getAs("error")).isEqualTo("hash mismatch (md5: expected "
        + md5.substring(0, 12) + "…, got " + digest("MD5", jpeg).substring(0, 12) + "…)");
    assertThat(members(out)).containsOnlyKeys("000000000.png", "000000000.json");
  }

  @Test
  void aMissingHashColumnIsRefusedAsAMissingUrlColumnBeforeAnyRequest() throws IOException {
    Path input = Files.writeString(dir.resolve("data.csv"),
        "url\n" + server.url("/a.png") + "\n");

    JobRun run = run("--verify-hash", "sha", input.toString(), dir.resolve("out").toString());

    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("imgdl: error: " + input + ": no column \"sha\" (columns: url)\n");
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  private static JobRun run(String... args) {
    return JobRun.on(spark, args);
  }

  private static Map<Long, Row> results(Path out) {
    Map<Long, Row> byId = new HashMap<>();
    for (Row r : spark.read().parquet(out.resolve("results").toString()).collectAsList()) {
      byId.put(r.<Long>getAs("id"), r);
    }
    return byId;
  }

  /** Every member of every tar under OUTPUT's shards, with its SHA-256. */
  private static Map<String, String> members(Path out) throws IOException {
    Map<String, String> members = new HashMap<>();
    List<Path> tars;
    try (Stream<Path> files = Files.walk(out.resolve("shards"))) {
      tars = new ArrayList<>(files.filter(f -> f.toString().endsWith(".tar")).toList());
    }
    for (Path tar : tars) {
      try (InputStream in = Files.newInputStream(tar);
          TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
        for (TarArchiveEntry e; (e = entries.getNextEntry()) != null; ) {
          members.put(e.getName(), Images.sha256(entries.readAllBytes()));
        }
      }
    }
    return members;
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
