package dev.imgdl.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP server on 127.0.0.1 that answers each path with bytes written exactly as given, so that
 * a test can send what a well-behaved server library refuses to: control characters in a status
 * line or a header. It reads the request head, writes the canned response and closes the
 * connection. A path can be held: its response waits until the test releases it, so that a test
 * can act while a download is in flight without guessing a delay. As a {@code @RegisterExtension}
 * field ({@code final CannedHttpServer server = CannedHttpServer.start()}) it closes after each
 * test by itself.
 */
public final class CannedHttpServer implements AutoCloseable, AfterEachCallback {
  private final ServerSocket socket;
  private final ExecutorService connections =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "canned-http");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, byte[]> responses = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();

  private CannedHttpServer(ServerSocket socket) {
    this.socket = socket;
  }

  public static CannedHttpServer start() {
    try {
      CannedHttpServer server =
          new CannedHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      server.connections.execute(server::accept);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves a small PNG at {@code path}, as {@code image/png}; returns this server. */
  public CannedHttpServer png(String path) {
    respond(path, "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), Images.png());
    return this;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** Answers {@code path} with exactly these bytes. */
  public void respond(String path, byte[] raw) {
    responses.put(path, raw);
  }

  /**
   * Answers {@code path} with a status line and headers as given (UTF-8, so a C1 control is two
   * bytes that decode to it), then a Content-Length, and the body.
   */
  public void respond(String path, String statusLine, List<String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(statusLine).append("\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n")
        .append("Connection: close\r\n\r\n");
    respond(path, Images.concat(head.toString().getBytes(StandardCharsets.UTF_8), body));
  }

  /** Makes requests for {@code path} wait for their response until the latch is counted down. */
  public CountDownLatch hold(String path) {
    return holds.computeIfAbsent(path, p -> new CountDownLatch(1));
  }

  /** How many requests for {@code path} arrived so far. */
  public long requests(String path) {
    return requested.stream().filter(path::equals).count();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.execute(() -> answer(connection));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void answer(Socket connection) {
    try (connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      String requestLine = readHead(in);
      String[] parts = requestLine.split(" ");
      String path = parts.length > 1 ? parts[1] : "";
      requested.add(path);
      CountDownLatch hold = holds.get(path);
      if (hold != null && !hold.await(60, TimeUnit.SECONDS)) {
        return;
      }
      byte[] raw = responses.getOrDefault(path,
          "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      OutputStream out = connection.getOutputStream();
      out.write(raw);
      out.flush();
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads the request head up to its blank line; returns its first line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    String first = null;
    for (int b; (b = in.read()) != -1; ) {
      if (b != '\n') {
        line.write(b);
        continue;
      }
      String text = line.toString(StandardCharsets.ISO_8859_1).strip();
      line.reset();
      if (first == null) {
        first = text;
      } else if (text.isEmpty()) {
        break;
      }
    }
    return first == null ? "" : first;
  }

  @Override
  public void close() {
    holds.values().forEach(CountDownLatch::countDown);
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    connections.shutdownNow();
  }
}
