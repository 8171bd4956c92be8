package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.input.TargetName;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs the real {@link Fetcher} against a WireMock server into one output directory. The default
 * settings (2 s timeout, 5 s deadline, 2 retries, 1 MiB) keep a loaded machine from failing a
 * test that is not about time; tests about time set their own, small ones. Every fetch gets its
 * own client, so that no pooled connection carries over from one test to the next.
 */
final class Downloads {
  private final Path dir;
  private long timeoutMillis = 2_000;
  private long deadlineMillis = 5_000;
  private long maxSize = 1 << 20;
  private int retries = 2;
  private boolean anyType;
  private Network network = Network.DEFAULT;
  private List<String> disallowed = RequestSettings.DEFAULT_DISALLOWED;

  Downloads(Path dir) {
    this.dir = dir;
  }

  /** A WireMock server on 127.0.0.1 that sends bodies as stubbed, never gzipped by itself. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
        .build();
  }

  /** An URL of {@code server} by IP address, as the tests must not depend on name lookup. */
  static String url(WireMockExtension server, String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  /** The requests {@code server} received, oldest first. */
  static List<ServeEvent> requests(WireMockExtension server) {
    return server.getAllServeEvents().stream()
        .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
        .toList();
  }

  /** The Content-Length {@code server} sends for {@code path}, or null: a probe request. */
  static String declaredLength(WireMockExtension server, String path) throws IOException {
    OkHttpClient client = new OkHttpClient();
    Request request = new Request.Builder().url(url(server, path))
        .header("Accept-Encoding", "identity").build();
    try (Response response = client.newCall(request).execute()) {
      return response.header("Content-Length");
    } finally {
      client.connectionPool().evictAll();
    }
  }

  Downloads timeout(long millis) {
    timeoutMillis = millis;
    return this;
  }

  Downloads deadline(long millis) {
    deadlineMillis = millis;
    return this;
  }

  Downloads maxSize(long bytes) {
    maxSize = bytes;
    return this;
  }

  Downloads retries(int count) {
    retries = count;
    return this;
  }

  Downloads network(Network value) {
    network = value;
    return this;
  }

  Downloads disallowedDirectives(List<String> directives) {
    disallowed = directives;
    return this;
  }

  Downloads anyType() {
    anyType = true;
    return this;
  }

  /** Plans the name of {@code url} as the planner would and fetches it as worker 0. */
  Result fetch(String url) {
    Fetcher fetcher = fetcher(HostGate.OPEN);
    try {
      return fetcher.fetch(task(0, url), 0);
    } finally {
      fetcher.close();
    }
  }

  /** The entry at {@code index} for {@code url}, its name planned as the planner would. */
  static Task task(int index, String url) {
    TargetName name = NamePlanner.baseName(HttpUrl.get(url), url);
    return new Task(index, url, name.stem(), name.extension());
  }

  /** A fetcher with these settings and a client of its own; the caller closes it. */
  Fetcher fetcher(HostGate gate) {
    RequestSettings request = RequestSettings.builder()
        .timeoutMillis(timeoutMillis)
        .deadlineMillis(deadlineMillis)
        .maxSize(maxSize)
        .retries(retries)
        .userAgent("imgdl-test")
        .anyType(anyType)
        .network(network)
        .disallowedDirectives(disallowed)
        .build();
    FetchSettings settings = FetchSettings.builder()
        .outputDir(dir.toString())
        .runId("test")
        .request(request)
        .build();
    return Fetcher.create(settings, gate, new TempFiles(), 1);
  }

  /** Names of every file in the output directory, temporary files included, sorted. */
  List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  byte[] read(String file) throws IOException {
    return Files.readAllBytes(dir.resolve(file));
  }
}
