package dev.imgdl.core.config;

import dev.imgdl.core.net.CaCertificates;
import dev.imgdl.core.net.ProxyAddress;
import dev.imgdl.core.text.ConsoleText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The network options, shown in a group of their own in {@code --help}, and the proxy variables
 * of the environment as curl and wget read them (lower case first, then upper case; an empty
 * value is unset). Options win over the environment. Every value is checked here, so that a bad
 * proxy or certificate file is a usage error (an {@link IllegalArgumentException} naming the
 * option), not a failure in every worker. Shared by the CLI (a group) and the Spark job (a
 * mixin), so both take the same values with the same messages.
 */
public final class NetworkOptions {
  @Option(names = "--proxy", paramLabel = "URL",
      description = "HTTP proxy for http and https URLs, [http://][user:pass@]host[:port] "
          + "(port 1080 by default); https goes through it with CONNECT. Wins over http_proxy, "
          + "https_proxy and all_proxy. The password is sent to the proxy only, never printed.")
  String proxy;

  @Option(names = "--noproxy", paramLabel = "LIST",
      description = "Comma-separated hosts, domains (example.org also matches its subdomains) "
          + "and IP addresses reached without a proxy; * for all. Wins over no_proxy.")
  String noProxy;

  @Option(names = "--cacert", paramLabel = "FILE",
      description = "Also trust the certificates of this PEM file (a private CA, a "
          + "self-signed server), besides the JDK's.")
  Path caCert;

  @Option(names = {"-k", "--insecure"},
      description = "Check no certificate and no host name (a warning says so at the start).")
  boolean insecure;

  @Option(names = {"-4", "--ipv4"},
      description = "Resolve names to IPv4 addresses only; a name without one fails.")
  boolean ipv4;

  @Option(names = {"-6", "--ipv6"},
      description = "Resolve names to IPv6 addresses only; a name without one fails.")
  boolean ipv6;

  /** The network settings of a run: these options over the proxy variables of {@code env}. */
  public Network network(Map<String, String> env) {
    String all = variable(env, "all_proxy");
    String http = proxy != null ? proxy : variable(env, "http_proxy");
    String https = proxy != null ? proxy : variable(env, "https_proxy");
    String bypass = noProxy != null ? noProxy : variable(env, "no_proxy");
    check(proxy != null ? "--proxy" : "http_proxy", http);
    check(proxy != null ? "--proxy" : "https_proxy", https);
    check("all_proxy", proxy != null ? null : all);
    List<String> noProxyList = bypass == null ? List.of()
        : Arrays.stream(bypass.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    String caFile = null;
    if (caCert != null) {
      Path file = caCert.toAbsolutePath().normalize();
      try {
        CaCertificates.read(file);
      } catch (IOException | RuntimeException e) {
        String why = e instanceof IOException ? "cannot be read (" + e.getClass().getSimpleName()
            + ")" : e.getMessage();
        throw new IllegalArgumentException("--cacert " + caCert + ": " + why);
      }
      caFile = file.toString();
    }
    if (ipv4 && ipv6) {
      throw new IllegalArgumentException("-4 and -6 cannot be used together");
    }
    return new Network(http, https, proxy != null ? null : all, noProxyList, caFile, insecure,
        ipv4 ? 4 : ipv6 ? 6 : 0);
  }

  /** A variable, lower case first as curl reads it, then upper case; empty counts as unset. */
  private static String variable(Map<String, String> env, String lowerCase) {
    for (String name : List.of(lowerCase, lowerCase.toUpperCase(Locale.ROOT))) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static void check(String source, String value) {
    if (value == null) {
      return;
    }
    try {
      ProxyAddress.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          source + " " + ConsoleText.safe(value) + ": " + e.getMessage(), e);
    }
  }
}
