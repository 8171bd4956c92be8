package dev.imgdl.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the user information of a URL ({@code user:pass@}) as {@code ***@}, whatever the
 * password holds ({@code / ? # @ :} and backslashes) and however malformed the line. Every URL
 * that is printed, logged or reported passes through here; only the {@code --failed} file keeps
 * it. When in doubt it hides: a rare valid URL with an {@code @} in its path may lose the part
 * before it, which is better than printing a password. Only a URL that can have an authority has
 * user information: an opaque URI of a scheme that never has one ({@code mailto:a@b.c}, {@code
 * data:…}, {@code tel:}, {@code urn:}, ...: no slash after it) is shown as written. Any other
 * scheme-like word stays suspect: {@code user:pass@host} is a URL without its scheme as often
 * as not, and hidden.
 */
public final class Credentials {
  /** A scheme that slashes or backslashes follow: what is after them may be user information. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(?=[/\\\\])");

  /** A scheme alone; with a slash after it or not. */
  private static final Pattern ANY_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  private static final String NOT_IN_USERINFO = "/?#\\";

  /** Schemes of opaque URIs, which have no authority and so no password (RFC 6068, 2397, ...). */
  private static final java.util.Set<String> OPAQUE = java.util.Set.of("mailto", "data", "tel",
      "sms", "urn", "news", "sip", "sips", "xmpp", "geo", "magnet", "javascript", "about");

  private Credentials() {}

  /**
   * The entry line {@code url} with any user information replaced by {@code ***}. After an
   * optional scheme and any run of {@code /} or {@code \}, the part before the last {@code @} is
   * user information when it holds a {@code :} (a password, which may hold anything) or none of
   * {@code / ? # \} (a user name alone). Otherwise that {@code @} is in the path, and an {@code @}
   * before the first {@code / ? # \} still ends a user name.
   */
  public static String redact(String url) {
    int last = url.lastIndexOf('@');
    if (last < 0) {
      return url;
    }
    Matcher scheme = ANY_SCHEME.matcher(url);
    int start = 0;
    if (scheme.lookingAt()) {
      boolean slash = scheme.end() < url.length()
          && (url.charAt(scheme.end()) == '/' || url.charAt(scheme.end()) == '\\');
      boolean http = httpScheme(url.substring(0, scheme.end() - 1));
      String name = url.substring(0, scheme.end() - 1).toLowerCase(java.util.Locale.ROOT);
      if (!slash && OPAQUE.contains(name)) {
        return url; // opaque (mailto:a@b.c): no user information
      }
      // OkHttp reads an authority after http: even without slashes. Other forms without a
      // slash and with a port or path after the @ may be an HTTP URL without its scheme
      // (user:pass@host/x.png): hidden whole, as before.
      start = slash || http ? scheme.end() : 0;
    }
    while (start < url.length() && (url.charAt(start) == '/' || url.charAt(start) == '\\')) {
      start++;
    }
    if (last < start) {
      return url;
    }
    String before = url.substring(start, last);
    if (before.indexOf(':') >= 0 || indexOfAny(before, NOT_IN_USERINFO) < 0) {
      return hide(url, start, last);
    }
    int authorityEnd = start + indexOfAny(before, NOT_IN_USERINFO);
    int at = url.lastIndexOf('@', authorityEnd);
    return at >= start ? hide(url, start, at) : url;
  }

  /**
   * An authority written without a scheme ({@code user:pass@proxy:3128}, as a proxy may be
   * given), or a URL, with its user information hidden.
   */
  public static String redactAuthority(String authority) {
    return authority.contains("://") ? redact(authority) : redact("//" + authority).substring(2);
  }

  private static boolean httpScheme(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  /**
   * Free text (a log message, an exception's message) with the user information of every URL
   * in it hidden. A URL there ends at white space; one starts at a scheme followed by a slash or a
   * backslash, and a word without a scheme counts as one when a {@code :} comes before its last
   * {@code @} ({@code user:pass@host}). Words such as {@code java.base@17} are left alone.
   */
  public static String redactWords(String text) {
    if (text.indexOf('@') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && !isSpace(text.charAt(end))) {
        end++;
      }
      out.append(redactWord(text.substring(i, end)));
      while (end < text.length() && isSpace(text.charAt(end))) {
        out.append(text.charAt(end++));
      }
      i = end;
    }
    return out.toString();
  }

  private static String redactWord(String word) {
    int last = word.lastIndexOf('@');
    if (last < 0) {
      return word;
    }
    Matcher scheme = SCHEME.matcher(word);
    if (scheme.find()) {
      return word.substring(0, scheme.start()) + redact(word.substring(scheme.start()));
    }
    return word.substring(0, last).indexOf(':') >= 0 ? hide(word, 0, last) : word;
  }

  private static String hide(String url, int start, int at) {
    return url.substring(0, start) + "***" + url.substring(at);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }
}
