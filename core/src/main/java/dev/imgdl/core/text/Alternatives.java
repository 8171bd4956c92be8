package dev.imgdl.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The values an option takes, in the words a message names them: {@code a, b or c}. Taken from
 * the same list that completion offers, so that a new value appears in both.
 */
public final class Alternatives {
  private Alternatives() {}

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  public static String of(Iterable<String> values) {
    List<String> words = new ArrayList<>();
    values.forEach(words::add);
    if (words.size() < 2) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or "
        + words.get(words.size() - 1);
  }
}
