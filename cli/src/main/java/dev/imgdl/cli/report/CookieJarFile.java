package dev.imgdl.cli.report;

import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.net.CookieFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Cookie;

/**
 * Writes the {@code --cookie-jar} file: the run's cookies in the Netscape format that {@code
 * --cookie}, curl and wget read back, readable by its owner only (cookies are credentials).
 */
final class CookieJarFile {
  private CookieJarFile() {}

  /** Writes the file atomically; a failure is thrown with the system's reason as its message. */
  static void write(Path path, List<Cookie> cookies, TempFiles temps) throws IOException {
    AtomicFile.write(path, ".imgdl-cookies-", AtomicFile.PRIVATE, temps, stream -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      out.write(CookieFile.HEADER);
      for (Cookie cookie : cookies) {
        out.write(CookieFile.format(cookie));
        out.write('\n');
      }
      out.flush();
    });
  }
}
