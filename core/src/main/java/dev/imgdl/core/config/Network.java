package dev.imgdl.core.config;

import dev.imgdl.core.text.Credentials;
import java.io.Serializable;
import java.util.List;

/**
 * How the download core reaches servers: proxies and the trust of certificates. The CLI fills it
 * from options and the environment; the core never reads the environment itself, so that a child
 * JVM behaves exactly like its parent. Serializable: the Spark job ships it to its executors.
 *
 * @param httpProxy proxy URL for http URLs ({@code http_proxy}, {@code --proxy}), or null
 * @param httpsProxy proxy URL for https URLs ({@code https_proxy}, {@code --proxy}), or null
 * @param allProxy proxy URL for either scheme when the one above is null, or null
 * @param noProxy hosts, domain suffixes and IP addresses reached directly; {@code *} for all
 * @param caCertFile a PEM file whose certificates are trusted besides the JDK's, or null
 * @param insecure trust any certificate for any host name
 * @param ipVersion {@code -4} or {@code -6}: resolve names to addresses of IP version 4 or 6
 *     only; 0 for both
 */
public record Network(
    String httpProxy,
    String httpsProxy,
    String allProxy,
    List<String> noProxy,
    String caCertFile,
    boolean insecure,
    int ipVersion) implements Serializable {

  /** No proxy of imgdl's own, the JDK's trust. */
  public static final Network DEFAULT = new Network(null, null, null, List.of(), null, false);

  public Network {
    noProxy = List.copyOf(noProxy);
  }

  /** Proxies and trust, with names resolved to both IP versions. */
  public Network(String httpProxy, String httpsProxy, String allProxy, List<String> noProxy,
      String caCertFile, boolean insecure) {
    this(httpProxy, httpsProxy, allProxy, noProxy, caCertFile, insecure, 0);
  }

  /** These settings with names resolved to IP version 4 or 6 only, or both for 0. */
  public Network withIpVersion(int version) {
    return new Network(httpProxy, httpsProxy, allProxy, noProxy, caCertFile, insecure, version);
  }

  /** The settings without the proxies' passwords, should a log line ever show them. */
  @Override
  public String toString() {
    return "Network[httpProxy=" + hide(httpProxy) + ", httpsProxy=" + hide(httpsProxy)
        + ", allProxy=" + hide(allProxy) + ", noProxy=" + noProxy + ", caCertFile=" + caCertFile
        + ", insecure=" + insecure + ", ipVersion=" + ipVersion + "]";
  }

  private static String hide(String proxy) {
    return proxy == null ? null : Credentials.redactAuthority(proxy);
  }
}
