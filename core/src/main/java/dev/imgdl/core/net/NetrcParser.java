package dev.imgdl.core.net;

import dev.imgdl.core.config.ConfigException;
import dev.imgdl.core.text.ConsoleText;
import java.util.ArrayList;
import java.util.List;

/** The tokens of a netrc file, turned into its machines. */
final class NetrcParser {
  private final String name;
  private final String text;
  private int at;
  private int line = 1;

  NetrcParser(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** The machines, {@code default} as one without a host, in file order. */
  List<Netrc.Machine> machines() {
    List<Netrc.Machine> machines = new ArrayList<>();
    // host, login, password of the entry being read; null before the first.
    String[] current = null;
    for (String token; (token = next()) != null; ) {
      switch (token) {
        case "machine", "default" -> {
          add(machines, current);
          current = new String[] {token.equals("machine") ? value(token) : null, null, null};
        }
        case "login", "password", "account" -> {
          if (current == null) {
            throw error(token + " before any machine or default");
          }
          String value = value(token);
          if (!token.equals("account")) {
            current[token.equals("login") ? 1 : 2] = value;
          }
        }
        case "macdef" -> {
          value("macdef");
          skipMacro();
        }
        default -> throw error("unexpected word (expected machine, default, login, password, "
            + "account or macdef)");
      }
    }
    add(machines, current);
    return machines;
  }

  private static void add(List<Netrc.Machine> machines, String[] entry) {
    if (entry != null) {
      machines.add(new Netrc.Machine(entry[0], entry[1], entry[2]));
    }
  }

  private String value(String keyword) {
    int keywordLine = line;
    String value = next();
    if (value == null) {
      line = keywordLine;
      throw error(keyword + " without a value");
    }
    return value;
  }

  /** The next token, or null at the end; comments are skipped. */
  private String next() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '\n') {
        line++;
        at++;
      } else if (Character.isWhitespace(c)) {
        at++;
      } else if (c == '#') {
        while (at < text.length() && text.charAt(at) != '\n') {
          at++;
        }
      } else {
        return c == '"' ? quoted() : bare();
      }
    }
    return null;
  }

  private String bare() {
    int start = at;
    while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return text.substring(start, at);
  }

  private String quoted() {
    StringBuilder token = new StringBuilder();
    for (at++; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c == '"') {
        at++;
        return token.toString();
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\' && at + 1 < text.length()) {
        char e = text.charAt(++at);
        c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
      }
      token.append(c);
    }
    throw error("unclosed \"");
  }

  /** A macro's body: up to and including the next empty line. */
  private void skipMacro() {
    int end = text.indexOf("\n\n", at);
    int stop = end < 0 ? text.length() : end + 2;
    for (int i = at; i < stop; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    at = stop;
  }

  private ConfigException error(String what) {
    return new ConfigException(ConsoleText.safe(name) + ":" + line + ": " + what);
  }
}
