package dev.imgdl.core.config;

/**
 * Who a run's requests say they are, beyond the URL's own {@code user:pass@}: the logins of a
 * netrc file and the cookies of a cookie file. Files travel by name, as the {@code --cacert}
 * file does: each JVM reads them once its front end has checked them.
 *
 * @param netrcFile absolute path of the netrc file whose logins are sent, or null
 * @param cookieFile absolute path of the Netscape cookie file whose cookies are sent, or null
 * @param cookieEngine whether cookies are kept at all: those of {@code cookieFile} and those the
 *     servers set, sent back where they match, for a cookie jar written at the end
 */
public record Identity(String netrcFile, String cookieFile, boolean cookieEngine) {
  /** No netrc file, no cookies: what a run has unless told otherwise. */
  public static final Identity NONE = new Identity(null, null, false);

  public Identity {
    if (cookieFile != null && !cookieEngine) {
      throw new IllegalArgumentException("a cookie file needs the cookie engine");
    }
  }
}
