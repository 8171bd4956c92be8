package dev.imgdl.input;

import java.util.regex.Pattern;

/**
 * Hides the user information of a URL ({@code user:pass@}) as {@code ***@}. Every URL that is
 * printed, logged or reported passes through here; only the {@code --failed} file keeps it.
 */
public final class Credentials {
  private static final Pattern USERINFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");

  private Credentials() {}

  /** The URL with any user information replaced by {@code ***}. */
  public static String redact(String url) {
    if (url.indexOf('@') < 0) {
      return url;
    }
    return USERINFO.matcher(url).replaceFirst("$1***@");
  }
}
