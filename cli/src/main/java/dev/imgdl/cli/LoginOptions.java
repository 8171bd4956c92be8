package dev.imgdl.cli;

import dev.imgdl.core.config.ConfigException;
import dev.imgdl.core.config.Identity;
import dev.imgdl.core.net.CookieFile;
import dev.imgdl.core.net.Netrc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Logins and cookies as curl and wget take them: a netrc file's logins for the hosts it names,
 * a Netscape cookie file's cookies, and a cookie jar written at the end. Each file is read here
 * once, so that a syntax error is a usage error naming FILE:LINE before any request; the run's
 * JVMs read them again by name, as {@link Identity} says.
 */
final class LoginOptions {
  @Option(names = "--netrc",
      description = "Send the logins of ~/.netrc (or of the file NETRC names) as HTTP Basic to "
          + "the hosts it names, as curl does; a URL's own user:password wins. No file, no "
          + "logins.")
  boolean netrc;

  @Option(names = "--netrc-file", paramLabel = "FILE",
      description = "As --netrc, with the logins of FILE.")
  Path netrcFile;

  @Option(names = "--cookie", paramLabel = "FILE",
      description = "Send the cookies of FILE, a Netscape cookie file (curl -c, wget "
          + "--save-cookies, browser exports), where they match (domain, path, secure, expiry).")
  Path cookie;

  @Option(names = "--cookie-jar", paramLabel = "FILE",
      description = "Keep the cookies the servers set (sent back where they match) and write "
          + "them with --cookie's at the end, in the same format, owner-only.")
  Path cookieJar;

  /** The run's logins and cookies; a file that cannot be used is a usage error. */
  Identity identity(Map<String, String> env) {
    Path logins = netrcFile != null ? netrcFile : netrc ? defaultNetrc(env) : null;
    String netrcName = null;
    if (logins != null) {
      netrcName = logins.toAbsolutePath().normalize().toString();
      Path file = Path.of(netrcName);
      check(() -> Netrc.read(file, logins.toString()));
    }
    String cookieName = null;
    if (cookie != null) {
      cookieName = cookie.toAbsolutePath().normalize().toString();
      Path file = Path.of(cookieName);
      check(() -> CookieFile.read(file, cookie.toString()));
    }
    return new Identity(netrcName, cookieName, cookie != null || cookieJar != null);
  }

  /** {@code $NETRC}, else {@code ~/.netrc}: null when it does not exist, as curl goes on. */
  private static Path defaultNetrc(Map<String, String> env) {
    String named = env.get("NETRC");
    String home = env.get("HOME");
    Path file = named != null && !named.isEmpty() ? Path.of(named)
        : home != null && !home.isEmpty() ? Path.of(home, ".netrc") : null;
    return file != null && Files.exists(file) ? file : null;
  }

  private static void check(Runnable read) {
    try {
      read.run();
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
