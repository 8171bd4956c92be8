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
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job with INPUT and OUTPUT on HDFS: a MiniDFSCluster (a namenode and one datanode, the
 * real daemons in this JVM) bound to 127.0.0.1, and a session in {@code local[2]}.
 */
class SparkHdfsTest {
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir static Path base;

  static MiniDFSCluster hdfs;
  static FileSystem fs;
  static String root;
  static SparkSession spark;

  @BeforeAll
  static void start() throws IOException {
    Configuration conf = new Configuration();
    // Every address the daemons open, on loopback: HDFS's defaults are 0.0.0.0.
    for (String key : List.of("dfs.namenode.rpc-address", "dfs.namenode.http-address",
        "dfs.namenode.https-address", "dfs.datanode.address", "dfs.datanode.http.address",
        "dfs.datanode.https.address", "dfs.datanode.ipc.address")) {
      conf.set(key, "127.0.0.1:0");
    }
    conf.set("dfs.http.policy", "HTTP_ONLY");
    hdfs = new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1)
        .checkDataNodeAddrConfig(true).build();
    hdfs.waitActive();
    fs = hdfs.getFileSystem();
    root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
    spark = LocalSpark.builder("local[2]", "imgdl-hdfs-test", 2)
        // One datanode: a file asks for one replica, not the default three.
        .config("spark.hadoop.dfs.replication", "1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() throws IOException {
    if (spark != null) {
      spark.stop();
    }
    if (hdfs != null) {
      hdfs.shutdown(true);
    }
  }

  private static byte[] image(int n) {
    return Images.bigPng(4 + n);
  }

  @Test
  void aRunReadsItsInputFromHdfsWritesItsOutputThereAndAResumeAsksOnlyForTheFailures()
      throws Exception {
    int count = 8;
    List<String> lines = new ArrayList<>(List.of("url,caption"));
    for (int n = 0; n < count; n++) {
      server.stubFor(get("/img/" + n + ".png").willReturn(aResponse().withBody(image(n))));
      lines.add(server.url("/img/" + n + ".png") + ",image " + n);
    }
    server.stubFor(get("/later.png").willReturn(aResponse().withStatus(500)));
    lines.add(server.url("/later.png") + ",later");
    write("/in.csv", String.join("\n", lines) + "\n");
    String[] args = {"--caption-col", "caption", "--partitions", "2", "--retries", "0",
        "--min-success", "0", root + "/in.csv", root + "/out"};

    JobRun first = run(args);

    assertThat(first.code()).as(first.err()).isZero();
    Map<Long, Row> before = results();
    assertThat(before).hasSize(count + 1);
    for (long id = 0; id < count; id++) {
      Row r = before.get(id);
      assertThat(r.<String>getAs("status")).as("row %d", id).isEqualTo("downloaded");
      assertThat(r.<String>getAs("sha256")).isEqualTo(Images.sha256(image((int) id)));
    }
    assertThat(before.get((long) count).<String>getAs("status")).isEqualTo("failed");
    assertShardsHoldTheServedBytes(before);
    JsonNode summary = new ObjectMapper().readTree(read("/out/summary.json"));
    assertThat(summary.at("/summary/entries").asInt()).isEqualTo(count + 1);
    assertThat(summary.at("/summary/downloaded").asInt()).isEqualTo(count);
    assertThat(summary.at("/summary/failed").asInt()).isEqualTo(1);

    server.stubFor(get("/later.png").willReturn(aResponse().withBody(image(40))));
    JobRun second = run(args);

    assertThat(second.code()).as(second.err()).isZero();
    Map<Long, Row> after = results();
    assertThat(after).hasSize(count + 1);
    for (long id = 0; id < count; id++) {
      assertThat(after.get(id).<String>getAs("status")).isEqualTo("skipped");
      server.verify(1, getRequestedFor(urlEqualTo("/img/" + id + ".png")));
    }
    assertThat(after.get((long) count).<String>getAs("status")).isEqualTo("downloaded");
    assertThat(after.get((long) count).<String>getAs("sha256"))
        .isEqualTo(Images.sha256(image(40)));
    server.verify(2, getRequestedFor(urlEqualTo("/later.png")));
    assertShardsHoldTheServedBytes(after);
  }

  private static JobRun run(String... args) {
    return JobRun.on(spark, args);
  }

  private static void write(String path, String text) throws IOException {
    try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] read(String path) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
      return in.readAllBytes();
    }
  }

  private static Map<Long, Row> results() {
    Map<Long, Row> byId = new HashMap<>();
    for (Row r : spark.read().parquet(root + "/out/results").collectAsList()) {
      assertThat(byId.put(r.<Long>getAs("id"), r)).as("id %s twice", r.<Long>getAs("id"))
          .isNull();
    }
    return byId;
  }

  /** Each row with a shard finds its member in that tar on HDFS, with the row's sha256. */
  private static void assertShardsHoldTheServedBytes(Map<Long, Row> byId) throws IOException {
    Map<String, Map<String, String>> tars = new HashMap<>();
    for (Row r : byId.values()) {
      String shard = r.getAs("shard");
      if (shard == null) {
        continue;
      }
      if (!tars.containsKey(shard)) {
        tars.put(shard, members("/out/" + shard));
      }
      assertThat(tars.get(shard))
          .containsEntry(r.<String>getAs("member"), r.<String>getAs("sha256"));
    }
    assertThat(tars).isNotEmpty();
  }

  private static Map<String, String> members(String tar) throws IOException {
    Map<String, String> members = new HashMap<>();
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(tar));
        TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        members.put(e.getName(), Images.sha256(entries.readAllBytes()));
      }
    }
    return members;
  }
}
