package dev.imgdl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A plain-HTTP forward proxy on 127.0.0.1 for tests: it serves absolute-URI requests (one per
 * connection, sent on with {@code Connection: close}) and tunnels {@code CONNECT}. Host names are
 * mapped to addresses by the test ({@code img.invalid} to 127.0.0.1), so that a name that does
 * not resolve can only be reached through it. It records each request line and the {@code
 * Proxy-Authorization} it came with; it never asks for credentials. At most 64 threads serve
 * it (a tunnel takes two); {@link #close} ends every connection.
 */
public final class ForwardProxy implements AutoCloseable {
  /** One request the proxy received: its request line and Proxy-Authorization, or null. */
  public record Seen(String requestLine, String proxyAuthorization) {}

  private final ServerSocket server;
  private final Map<String, String> hosts;
  private final ExecutorService pool = Executors.newFixedThreadPool(64);
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private ForwardProxy(Map<String, String> hosts) throws IOException {
    this.hosts = Map.copyOf(hosts);
    this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    pool.execute(this::accept);
  }

  /** @param hosts host names the proxy maps to another address, such as 127.0.0.1 */
  public static ForwardProxy start(Map<String, String> hosts) {
    try {
      return new ForwardProxy(hosts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The URL with user information, such as {@code http://u:p@127.0.0.1:port}. */
  public String url(String userInfo) {
    return "http://" + userInfo + "@127.0.0.1:" + server.getLocalPort();
  }

  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        pool.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String requestLine = line(in);
      List<String> headers = new ArrayList<>();
      String authorization = null;
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        String name = h.substring(0, Math.max(0, h.indexOf(':'))).toLowerCase(Locale.ROOT);
        if (name.equals("proxy-authorization")) {
          authorization = h.substring(h.indexOf(':') + 1).strip();
        } else if (!name.equals("proxy-connection") && !name.equals("connection")) {
          headers.add(h);
        }
      }
      seen.add(new Seen(requestLine, authorization));
      String[] parts = requestLine.split(" ");
      if (parts[0].equals("CONNECT")) {
        tunnel(client, parts[1]);
      } else {
        forward(client, parts[0], URI.create(parts[1]), headers);
      }
    } catch (IOException | RuntimeException e) {
      // The client or the target went away: this connection is over, the proxy goes on.
    }
  }

  private void tunnel(Socket client, String authority) throws IOException {
    int colon = authority.lastIndexOf(':');
    try (Socket target = connect(authority.substring(0, colon),
        Integer.parseInt(authority.substring(colon + 1)))) {
      client.getOutputStream().write(
          "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
      pool.execute(() -> copyThenClose(client, target));
      copyThenClose(target, client);
    }
  }

  private void forward(Socket client, String method, URI uri, List<String> headers)
      throws IOException {
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    try (Socket target = connect(uri.getHost(), port)) {
      StringBuilder request = new StringBuilder(method + " " + uri.getRawPath()
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
      for (String h : headers) {
        request.append(h).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      target.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      target.getOutputStream().flush();
      copyThenClose(target, client);
    }
  }

  private Socket connect(String host, int port) throws IOException {
    Socket target = new Socket(hosts.getOrDefault(host, host), port);
    open.add(target);
    return target;
  }

  /** Copies until {@code from} ends, then ends what {@code to} sends, so both sides finish. */
  private static void copyThenClose(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed: the other side's copy ends on its own.
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the request head");
      }
      if (line.size() > 8192) {
        throw new IOException("request head line too long");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
