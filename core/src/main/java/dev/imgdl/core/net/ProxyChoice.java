package dev.imgdl.core.net;

import dev.imgdl.core.config.Network;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which proxy a URL goes through, the way curl and wget decide it: a host matched by {@code
 * no_proxy} goes direct; otherwise an https URL goes through {@code https_proxy}, an http URL
 * through {@code http_proxy}, either through {@code all_proxy} when its own is not set. When
 * none is set for the URL, the JDK's choice ({@code -Dhttp.proxyHost} and the like) stands.
 */
public final class ProxyChoice extends ProxySelector {
  private final ProxyAddress http;
  private final ProxyAddress https;
  private final List<String> noProxy;
  private final ProxySelector fallback;

  /** @param fallback the JDK's selector, asked when no proxy of ours applies; may be null */
  public ProxyChoice(Network network, ProxySelector fallback) {
    ProxyAddress all = parseOrNull(network.allProxy());
    ProxyAddress httpOwn = parseOrNull(network.httpProxy());
    ProxyAddress httpsOwn = parseOrNull(network.httpsProxy());
    this.http = httpOwn != null ? httpOwn : all;
    this.https = httpsOwn != null ? httpsOwn : all;
    this.noProxy = network.noProxy().stream().map(ProxyChoice::normalize)
        .filter(s -> !s.isEmpty()).toList();
    this.fallback = fallback;
  }

  /** The proxy of ours for {@code uri}, or null when it goes direct or the JDK decides. */
  public ProxyAddress proxyFor(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    ProxyAddress proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
    if (proxy == null || bypassed(uri.getHost())) {
      return null;
    }
    return proxy;
  }

  /** Whether {@code host} is reached directly whatever the proxies: it matches no_proxy. */
  public boolean bypassed(String host) {
    if (host == null) {
      return true;
    }
    String h = normalize(host);
    for (String entry : noProxy) {
      if (entry.equals("*") || h.equals(entry) || h.endsWith("." + entry)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Proxy> select(URI uri) {
    ProxyAddress proxy = proxyFor(uri);
    if (proxy != null) {
      return List.of(proxy.proxy());
    }
    if (bypassed(uri.getHost()) || fallback == null) {
      return List.of(Proxy.NO_PROXY);
    }
    return fallback.select(uri);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // Nothing to remember: every attempt asks again, and the core decides about retries.
  }

  /** The credentials for a proxy at {@code address}, or null. */
  ProxyAddress withCredentials(SocketAddress address) {
    if (!(address instanceof InetSocketAddress a)) {
      return null;
    }
    for (ProxyAddress p : new ProxyAddress[] {http, https}) {
      if (p != null && p.hasCredentials() && p.port() == a.getPort()
          && p.host().equalsIgnoreCase(a.getHostString())) {
        return p;
      }
    }
    return null;
  }

  /**
   * A no_proxy entry or a host as compared: lower case, without IPv6 brackets, a port or a
   * leading dot, so that {@code .example.org} and {@code example.org} both match subdomains.
   */
  private static String normalize(String s) {
    String e = s.strip().toLowerCase(Locale.ROOT);
    if (e.startsWith("[")) {
      int close = e.indexOf(']');
      return close < 0 ? e.substring(1) : e.substring(1, close);
    }
    int colon = e.indexOf(':');
    if (colon >= 0 && e.indexOf(':', colon + 1) < 0) {
      e = e.substring(0, colon);
    }
    while (e.startsWith(".")) {
      e = e.substring(1);
    }
    while (e.endsWith(".")) {
      e = e.substring(0, e.length() - 1);
    }
    return e;
  }

  private static ProxyAddress parseOrNull(String text) {
    return text == null || text.isBlank() ? null : ProxyAddress.parse(text);
  }
}
