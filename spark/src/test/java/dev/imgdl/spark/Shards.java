package dev.imgdl.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** The tars a run wrote, read back for the tests. */
final class Shards {
  private Shards() {}

  /** Every tar under {@code dir}, at any depth. */
  static List<Path> tars(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".tar")).sorted().toList();
    }
  }

  /** The members of {@code tar} by name, in order. */
  static Map<String, byte[]> members(Path tar) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
        members.put(e.getName(), entries.readAllBytes());
      }
    }
    return members;
  }
}
