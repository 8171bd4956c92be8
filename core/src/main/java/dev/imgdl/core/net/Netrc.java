package dev.imgdl.core.net;

import dev.imgdl.core.config.ConfigException;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The logins of a netrc file, read with curl's rules: {@code machine NAME} (or {@code default})
 * followed by {@code login} and {@code password}; {@code account} is read and ignored, a {@code
 * macdef} is skipped to the next blank line; tokens are separated by white space, and a token in
 * double quotes may hold spaces and {@code \"}, {@code \\}, {@code \n}, {@code \t}. A {@code #}
 * starting a token comments out the rest of the line. Anything else is a syntax error that names
 * FILE:LINE, never the password.
 */
public final class Netrc {
  /** A user name and password for a host. */
  public record Login(String user, String password) {
    @Override
    public String toString() {
      return "Login[" + user + ", ***]";
    }
  }

  /** One {@code machine} entry; {@code host} is null for {@code default}. */
  record Machine(String host, String user, String password) {}

  private final List<Machine> machines;

  private Netrc(List<Machine> machines) {
    this.machines = List.copyOf(machines);
  }

  /** Reads {@code path}, named {@code name} in messages. */
  public static Netrc read(Path path, String name) {
    try {
      return parse(name, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("netrc file " + ConsoleText.safe(name) + " cannot be read: "
          + ThrowableText.reason(e));
    }
  }

  /** The logins of {@code text}, named {@code name} in messages. */
  public static Netrc parse(String name, String text) {
    return new Netrc(new NetrcParser(name, text).machines());
  }

  /**
   * The login for {@code host}: the first {@code machine} of that name (any case) whose login is
   * {@code user}, any login when {@code user} is null; else {@code default}'s under the same
   * condition, when no machine names the host; else null. An entry without a password gives
   * none.
   */
  public Login find(String host, String user) {
    String wanted = host.toLowerCase(Locale.ROOT);
    boolean named = false;
    for (Machine m : machines) {
      if (m.host() != null && m.host().toLowerCase(Locale.ROOT).equals(wanted)) {
        named = true;
        if (fits(m, user)) {
          return login(m);
        }
      }
    }
    if (named) {
      return null;
    }
    for (Machine m : machines) {
      if (m.host() == null && fits(m, user)) {
        return login(m);
      }
    }
    return null;
  }

  private static boolean fits(Machine m, String user) {
    return m.password() != null && (user == null || user.equals(m.user()));
  }

  private static Login login(Machine m) {
    return new Login(m.user() == null ? "" : m.user(), m.password());
  }
}
