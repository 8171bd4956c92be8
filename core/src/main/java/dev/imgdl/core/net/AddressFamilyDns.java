package dev.imgdl.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * {@code -4} and {@code -6}: names resolve to the addresses of one IP version only, as curl's
 * options do. A name that has none of that version fails as {@link NoAddressException}, which
 * no retry mends. An address written in a URL is used as written (OkHttp resolves no literal).
 */
public final class AddressFamilyDns implements Dns {
  private final Dns names;
  private final int version;

  /** @param version 4 or 6 */
  public AddressFamilyDns(Dns names, int version) {
    if (version != 4 && version != 6) {
      throw new IllegalArgumentException("IP version 4 or 6, not " + version);
    }
    this.names = names;
    this.version = version;
  }

  /** The system's resolver for {@code version} 4 or 6, or unfiltered for 0. */
  public static Dns of(int version) {
    return version == 0 ? Dns.SYSTEM : new AddressFamilyDns(Dns.SYSTEM, version);
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> kept = names.lookup(hostname).stream()
        .filter(a -> version == 4 ? a instanceof Inet4Address : a instanceof Inet6Address)
        .toList();
    if (kept.isEmpty()) {
      throw new NoAddressException("no IPv" + version + " address for " + hostname);
    }
    return kept;
  }

  /** The name resolves, but not to an address of the version asked for. */
  public static final class NoAddressException extends UnknownHostException {
    NoAddressException(String message) {
      super(message);
    }
  }
}
