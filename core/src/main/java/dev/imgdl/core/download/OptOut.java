package dev.imgdl.core.download;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The opt-out check: a response whose {@code X-Robots-Tag} headers hold a disallowed directive
 * (by default {@code noai}, {@code noimageai}, {@code noindex}, {@code noimageindex}) is not
 * saved. Directives are compared case-insensitively, in every {@code X-Robots-Tag} header,
 * separated by commas or spaces. A user-agent prefix ({@code otherbot: noindex}) is read as
 * applying to imgdl too, whatever bot it names: whoever asked one bot not to use an image would
 * not want it in a dataset built by another. (Stricter than img2dataset, which obeys a prefixed
 * directive only when the prefix is its own user-agent token.) See docs/spec.md, "Opt-outs".
 */
public final class OptOut {
  /** How the error of an opted-out entry starts: a resume knows it by this. */
  public static final String ERROR_PREFIX = "opted out (X-Robots-Tag: ";

  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  private final List<String> disallowed;

  /** @param disallowed the directives that opt out, in lower case; empty turns the check off */
  OptOut(List<String> disallowed) {
    this.disallowed = disallowed;
  }

  /** The error of an opted-out response, {@code opted out (X-Robots-Tag: noai)}, or null. */
  String check(List<String> robotsTags) {
    if (disallowed.isEmpty()) {
      return null;
    }
    for (String header : robotsTags) {
      for (String token : SEPARATORS.split(header.toLowerCase(Locale.ROOT))) {
        String directive = token.substring(token.lastIndexOf(':') + 1);
        if (disallowed.contains(directive)) {
          // The directive is shown as the list names it, so no server text reaches the error.
          return ERROR_PREFIX + directive + ")";
        }
      }
    }
    return null;
  }
}
