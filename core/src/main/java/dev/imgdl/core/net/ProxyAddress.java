package dev.imgdl.core.net;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An HTTP proxy as curl and wget read it from {@code http_proxy} or {@code --proxy}: {@code
 * [http://][user:pass@]host[:port]}, port 1080 when none is given (curl's default). Its
 * credentials, if any, are for the proxy only; {@link #toString} never shows them.
 *
 * @param user the proxy user name, or null
 * @param password the proxy password, or null
 */
public record ProxyAddress(String host, int port, String user, String password) {
  static final int DEFAULT_PORT = 1080;
  private static final int MAX_PORT = 65535;

  /**
   * Parses a proxy setting, or throws {@link IllegalArgumentException} with a message that shows
   * the setting without its credentials.
   */
  public static ProxyAddress parse(String text) {
    String withScheme = text.contains("://") ? text.strip() : "http://" + text.strip();
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a proxy URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new IllegalArgumentException(
          "a " + scheme + ":// proxy is not supported: use an http:// proxy");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("a proxy URL needs a host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String user = null;
    String password = null;
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      password = colon < 0 ? "" : userInfo.substring(colon + 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > MAX_PORT) {
      // Checked here, where the setting is read: the socket would throw it on every entry.
      throw new IllegalArgumentException("port " + port + " is out of range (1 to 65535)");
    }
    return new ProxyAddress(host, port, user, password);
  }

  /** The proxy as the JDK and OkHttp take it; resolved by OkHttp when it connects. */
  Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  boolean hasCredentials() {
    return user != null;
  }

  @Override
  public String toString() {
    return (hasCredentials() ? "***@" : "") + host + ":" + port;
  }
}
