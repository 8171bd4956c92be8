package dev.imgdl.cli.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar back for tests: member names in order, with their bytes. */
public final class TarMembers {
  private TarMembers() {}

  public static Map<String, byte[]> read(Path tar) throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(tar);
        TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry e; (e = archive.getNextEntry()) != null; ) {
        members.put(e.getName(), archive.readAllBytes());
      }
    }
    return members;
  }
}
