package dev.imgdl.cli.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The system properties of this JVM that concern the network, as {@code -Dname=value} options
 * for a child JVM, so that {@code java -Djavax.net.ssl.trustStore=... -jar imgdl.jar --mode
 * process} trusts in its children what it trusts in thread mode. Every property present in the
 * namespaces below is passed, whether set with {@code -D}, {@code JAVA_TOOL_OPTIONS} or code:
 * the JDK sets none of them by default, so "present" means "set by someone on purpose". Values
 * such as {@code javax.net.ssl.trustStorePassword} are visible in the child's command line, as
 * they were in the parent's.
 */
final class NetworkProperties {
  private static final List<String> PREFIXES =
      List.of("javax.net.ssl.", "jdk.tls.", "networkaddress.cache.");

  private static final Set<String> NAMES = Set.of("http.proxyHost", "http.proxyPort",
      "https.proxyHost", "https.proxyPort", "http.nonProxyHosts", "socksProxyHost",
      "socksProxyPort", "java.net.useSystemProxies", "sun.net.inetaddr.ttl",
      "sun.net.inetaddr.negative.ttl");

  private NetworkProperties() {}

  /** The {@code -D} options for the network properties in {@code properties}, sorted by name. */
  static List<String> options(Properties properties) {
    List<String> options = new ArrayList<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (concernsNetwork(name)) {
        options.add("-D" + name + "=" + properties.getProperty(name));
      }
    }
    return options;
  }

  static boolean concernsNetwork(String name) {
    return NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith);
  }
}
