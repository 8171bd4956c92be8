package dev.imgdl.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers each path with canned bytes, written to the socket
 * as they are: for responses no real server library will send (conflicting framing headers,
 * broken chunking). Unknown paths get an empty 404. Closing it closes every connection and waits
 * for its threads to end.
 */
public final class RawHttpServer implements AutoCloseable {
  /** More connections than a test could mean to open: the accept loop stops there. */
  private static final int MAX_CONNECTIONS = 100;
  private static final int MAX_REQUEST_HEAD = 64 * 1024;
  private static final long JOIN_MILLIS = 5_000;
  private static final byte[] NOT_FOUND = ascii(
      "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

  private final ServerSocket socket;
  private final Map<String, Canned> responses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private RawHttpServer(ServerSocket socket) {
    this.socket = socket;
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  public static RawHttpServer start() throws IOException {
    RawHttpServer server =
        new RawHttpServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    server.spawn("raw-http-accept", server::acceptLoop);
    return server;
  }

  /** Answers {@code path} with {@code response} and then closes the connection. */
  public RawHttpServer respond(String path, byte[] response) {
    responses.put(path, new Canned(response, false));
    return this;
  }

  /**
   * Answers {@code path} with {@code response} and keeps the connection open, as a keep-alive
   * server does: a client that frames the body wrongly waits for bytes that never come.
   */
  public RawHttpServer respondAndHold(String path, byte[] response) {
    responses.put(path, new Canned(response, true));
    return this;
  }

  /** {@code head} (status line and header lines, each ending in CRLF), a blank line, a body. */
  public static byte[] response(String head, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii(head + "\r\n"));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** {@code body} in chunked transfer coding, as chunks of at most {@code size} bytes. */
  public static byte[] chunked(byte[] body, int size, boolean terminated) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += size) {
      int n = Math.min(size, body.length - at);
      out.writeBytes(ascii(Integer.toHexString(n) + "\r\n"));
      out.write(body, at, n);
      out.writeBytes(ascii("\r\n"));
    }
    if (terminated) {
      out.writeBytes(ascii("0\r\n\r\n"));
    }
    return out.toByteArray();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  /** How many requests for {@code path} arrived. */
  public int requests(String path) {
    AtomicInteger count = counts.get(path);
    return count == null ? 0 : count.get();
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    closeQuietly(socket);
    // Once the accept loop has ended, no connection or thread is added any more.
    join(threads.get(0));
    connections.forEach(RawHttpServer::closeQuietly);
    for (Thread thread : threads) {
      join(thread);
    }
  }

  private static void join(Thread thread) throws InterruptedException {
    thread.join(JOIN_MILLIS);
    if (thread.isAlive()) {
      throw new AssertionError(thread.getName() + " did not end after the server closed");
    }
  }

  private void acceptLoop() {
    for (int accepted = 0; accepted < MAX_CONNECTIONS && !closed; accepted++) {
      Socket connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(connection);
      if (closed) {
        closeQuietly(connection);
        return;
      }
      spawn("raw-http-" + accepted, () -> serve(connection));
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      OutputStream out = connection.getOutputStream();
      for (String path; (path = readRequestPath(in)) != null; ) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Canned canned = responses.get(path);
        out.write(canned == null ? NOT_FOUND : canned.bytes());
        out.flush();
        if (canned == null || !canned.hold()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client or close() hung up: nothing left to serve.
    }
  }

  /** Reads one request head and returns its path, or null at the end of the connection. */
  private static String readRequestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = ascii("\r\n\r\n");
    while (matched < end.length) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      if (head.size() >= MAX_REQUEST_HEAD) {
        throw new IOException("request head over " + MAX_REQUEST_HEAD + " bytes");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
    }
    String requestLine = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("bad request line: " + requestLine);
    }
    return parts[1];
  }

  private void spawn(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Already broken: there is nothing left to release.
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private record Canned(byte[] bytes, boolean hold) {}
}
