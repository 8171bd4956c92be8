package dev.imgdl.core.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Decides whether an input line is a URL imgdl can fetch: an absolute {@code http} or {@code
 * https} URL with a host. A line that is not gets a reason a user can act on.
 */
public final class UrlValidator {
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$");

  private UrlValidator() {}

  /** Returns the parsed URL, or throws {@link InvalidUrlException} with the reason. */
  public static HttpUrl check(String raw) {
    Matcher m = SCHEME.matcher(raw);
    if (!m.matches()) {
      throw new InvalidUrlException("not an absolute URL (no scheme)");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidUrlException("unsupported scheme '" + scheme + "' (only http and https)");
    }
    String rest = m.group(2);
    if (!rest.startsWith("//")) {
      throw new InvalidUrlException("not an absolute URL (missing // after " + scheme + ":)");
    }
    String authority = rest.substring(2).split("[/?#]", 2)[0];
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    if (hostPort.isEmpty() || hostPort.startsWith(":")) {
      throw new InvalidUrlException("no host");
    }
    if (raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidUrlException("contains control characters");
    }
    HttpUrl url = HttpUrl.parse(raw);
    if (url == null) {
      throw new InvalidUrlException("malformed URL (bad host or port)");
    }
    return url;
  }

  /** The key under which two URLs are the same entry: no fragment, normalized case and port. */
  public static String dedupKey(HttpUrl url) {
    return url.fragment() == null ? url.toString() : url.newBuilder().fragment(null).toString();
  }

  /** Thrown by {@link #check} for a line that is not a fetchable URL. */
  public static final class InvalidUrlException extends RuntimeException {
    public InvalidUrlException(String reason) {
      super(reason, null, false, false);
    }
  }
}
