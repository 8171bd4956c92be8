package dev.imgdl.spark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test server on loopback addresses only (127.0.0.1, 127.0.0.2, ...: one host name each, all
 * on this machine) that serves {@code /img/N.png} ({@link #image}) after a delay, and records per
 * host the most requests in flight at once and the smallest gap between two request starts,
 * whichever executor or task sent them. {@code /flaky/N.png} answers 503 until {@link #heal}.
 */
final class RecordingServer implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "recording-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Host> hosts = new ConcurrentHashMap<>();
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();
  private final long delayMillis;
  private volatile boolean healed;

  /** Listens on 127.0.0.1 to 127.0.0.{@code count}; each response waits {@code delayMillis}. */
  RecordingServer(int count, long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    for (int i = 1; i <= count; i++) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0." + i, 0), 50);
      server.setExecutor(threads);
      server.createContext("/", this::handle);
      server.start();
      servers.add(server);
    }
  }

  /** The bytes of {@code /img/N.png} and {@code /flaky/N.png}. */
  static byte[] image(int n) {
    return Images.bigPng(4 + n % 40);
  }

  /** The URL of {@code path} on the {@code i}th host (1-based). */
  String url(int i, String path) {
    HttpServer s = servers.get(i - 1);
    return "http://127.0.0." + i + ":" + s.getAddress().getPort() + path;
  }

  /** From now on the flaky paths answer with their image. */
  void heal() {
    healed = true;
  }

  /** Forgets what was recorded. */
  synchronized void reset() {
    hosts.clear();
    requests.clear();
  }

  /** Requests received so far. */
  int total() {
    return requests.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many times each path (host and path) was asked for. */
  Map<String, Integer> requests() {
    return new TreeMap<>(requests);
  }

  /** Per host, what was recorded: most in flight and smallest gap (ms) between starts. */
  synchronized Map<String, Figures> figures() {
    Map<String, Figures> out = new TreeMap<>();
    hosts.forEach((name, h) -> out.put(name, new Figures(h.most, h.smallestGapNanos / 1e6)));
    return out;
  }

  /** Most requests in flight to one host at once, and the smallest gap between two starts. */
  record Figures(int mostInFlight, double smallestGapMillis) {}

  private void handle(HttpExchange exchange) throws IOException {
    String host = exchange.getLocalAddress().getAddress().getHostAddress();
    String path = exchange.getRequestURI().getPath();
    Host h = hosts.computeIfAbsent(host, k -> new Host());
    synchronized (this) {
      h.started(System.nanoTime());
      requests.merge(host + path, 1, Integer::sum);
    }
    try {
      Thread.sleep(delayMillis);
      String name = path.substring(path.lastIndexOf('/') + 1);
      boolean served = path.startsWith("/img/") || path.startsWith("/flaky/") && healed;
      if (!served || !name.endsWith(".png")) {
        exchange.sendResponseHeaders(path.startsWith("/flaky/") ? 503 : 404, -1);
        return;
      }
      byte[] body = image(Integer.parseInt(name.substring(0, name.length() - 4)));
      exchange.getResponseHeaders().add("Content-Type", "image/png");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        h.inFlight--;
      }
      exchange.close();
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    threads.shutdownNow();
  }

  private static final class Host {
    int inFlight;
    int most;
    long lastStart;
    boolean any;
    long smallestGapNanos = Long.MAX_VALUE;

    void started(long now) {
      inFlight++;
      most = Math.max(most, inFlight);
      if (any) {
        smallestGapNanos = Math.min(smallestGapNanos, now - lastStart);
      }
      any = true;
      lastStart = now;
    }
  }
}
