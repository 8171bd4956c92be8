package dev.imgdl.cli;

import dev.imgdl.core.text.Alternatives;
import dev.imgdl.core.text.ConsoleText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The line for an option imgdl does not know, with the closest ones it does: {@code unknown
 * option '--timout'; did you mean --timeout?}. Close means a few typos away (insertions,
 * deletions, substitutions, swaps), so that a name is suggested only when it is likely meant.
 */
final class UnknownOption {
  private static final int MOST_SUGGESTIONS = 3;

  private UnknownOption() {}

  /** The message for {@code e}, or null when it is not about an unknown option. */
  static String message(UnmatchedArgumentException e) {
    List<String> unmatched = e.getUnmatched();
    if (unmatched.isEmpty() || !unmatched.get(0).startsWith("-") || unmatched.get(0).equals("-")) {
      return null;
    }
    String typed = unmatched.get(0);
    int equals = typed.indexOf('=');
    String name = typed.startsWith("--") && equals > 0 ? typed.substring(0, equals) : typed;
    List<String> close = closest(name, e.getCommandLine().getCommandSpec());
    return "unknown option '" + ConsoleText.safe(name) + "'"
        + (close.isEmpty() ? " (see imgdl --help)" : "; did you mean " + Alternatives.of(close)
            + "?");
  }

  private static List<String> closest(String name, CommandSpec spec) {
    // A typo per three letters at most, so that short names do not match everything.
    int best = Math.max(1, Math.min(3, name.replaceFirst("^-+", "").length() / 3));
    List<String> found = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      for (String candidate : option.names()) {
        if (candidate.startsWith("--") != name.startsWith("--")) {
          continue;
        }
        int distance = distance(name, candidate);
        if (distance < best) {
          best = distance;
          found.clear();
        }
        if (distance == best && found.size() < MOST_SUGGESTIONS && !found.contains(candidate)) {
          found.add(candidate);
        }
      }
    }
    return found;
  }

  /** Optimal string alignment distance: Levenshtein's, with a swap of neighbours as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
