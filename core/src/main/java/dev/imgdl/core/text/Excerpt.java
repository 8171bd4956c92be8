package dev.imgdl.core.text;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/**
 * The bounded form of text from outside that an error line embeds: a list of names, a line, a
 * message quoting an input. One error line must stay a line, whatever the input held (a header
 * of 40,000 columns, a line of 256 KiB), so what is left out is counted instead of shown.
 */
public final class Excerpt {
  /** Most characters of a text shown before it is cut. */
  public static final int MAX_CHARS = 200;

  /** Most names of a list shown before the rest are counted. */
  public static final int MAX_NAMES = 10;

  private Excerpt() {}

  /** {@code a, b, c}, or the first {@link #MAX_NAMES} and {@code … and 39,990 more}. */
  public static String names(Collection<?> names) {
    StringBuilder out = new StringBuilder();
    Iterator<?> it = names.iterator();
    for (int i = 0; i < MAX_NAMES && it.hasNext(); i++) {
      out.append(i == 0 ? "" : ", ").append(text(String.valueOf(it.next())));
    }
    int rest = names.size() - MAX_NAMES;
    return rest > 0 ? out + ", … and " + count(rest) + " more" : out.toString();
  }

  /** {@code text}, or its first {@link #MAX_CHARS} and {@code … (N more characters)}. */
  public static String text(String text) {
    if (text == null || text.length() <= MAX_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
    return text.substring(0, end) + "… (" + count(text.length() - end) + " more characters)";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
