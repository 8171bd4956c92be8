package dev.imgdl.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the launcher's start-up archive (see {@code src/main/launcher/imgdl}): a
 * real run of imgdl, in this JVM, that downloads a few small images from a server of its own on
 * 127.0.0.1 into a temporary directory, so that the JVM that records the archive at exit has
 * loaded what a user's download loads (options, planning, OkHttp, the report). It prints nothing,
 * leaves nothing behind, and exits 0 whatever the run's outcome: the archive is what it is for.
 */
public final class Training {
  /** The smallest valid PNG: one transparent pixel. */
  private static final byte[] PNG = java.util.HexFormat.of().parseHex(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
          + "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082");

  private Training() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("imgdl-training-");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", exchange -> {
      try (exchange; OutputStream body = exchange.getResponseBody()) {
        exchange.getResponseHeaders().set("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, PNG.length);
        body.write(PNG);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        urls.add(base + "img" + i + (i % 2 == 0 ? ".png" : ""));
      }
      Path list = Files.write(dir.resolve("list.txt"), urls, StandardCharsets.UTF_8);
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
      Main.run(InputStream.nullInputStream(), nowhere, nowhere, "-q", "--no-progress",
          "-w", "2", "-o", dir.resolve("out").toString(),
          "--report", dir.resolve("report.json").toString(), list.toString());
    } finally {
      server.stop(0);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    System.exit(0);
  }
}
