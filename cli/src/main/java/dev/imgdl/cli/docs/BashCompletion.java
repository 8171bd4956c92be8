package dev.imgdl.cli.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The bash completion of a command, written from its picocli model: option names after a
 * {@code -}, the values of an option that has a list of them, file names after a file option
 * and at the place of a FILE argument, folder names after a DIR option, and nothing after an
 * option that takes text of the user's own (a number, a URL).
 */
public final class BashCompletion {
  private static final String SCRIPT = """
      # bash completion of %1$s(1), generated at build time from the options of the command
      # (dev.imgdl.cli.docs.BashCompletion): edit them, not this file. Load it with
      # `. %1$s.bash`, or install it as /usr/share/bash-completion/completions/%1$s.

      _%1$s() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev=
        ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
        # bash breaks --option=value into three words at the =: the value follows the option.
        if [[ $cur == = ]]; then
          cur=
        elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
          prev=${COMP_WORDS[COMP_CWORD - 2]}
        fi
        COMPREPLY=()
        case $prev in
      %2$s    *)
            case $cur in
              -*) _%1$s_reply "$cur" -W '%3$s' ;;
              *) _%1$s_reply "$cur" %4$s ;;
            esac ;;
        esac
      }

      # Adds what compgen offers for the word $1 to COMPREPLY, one candidate a line (a file
      # name may hold spaces). File and folder names get bash's treatment of file names: a /
      # after a folder, special characters quoted.
      _%1$s_reply() {
        local cur=$1 line
        shift
        [[ $1 == -[fd] ]] && compopt -o filenames 2>/dev/null
        while IFS= read -r line; do
          COMPREPLY+=("$line")
        done < <(compgen "$@" -- "$cur")
      }

      complete -F _%1$s %1$s
      """;

  private BashCompletion() {}

  /** The script for the command {@code spec}. */
  public static String of(CommandSpec spec) {
    String name = word(spec.name());
    List<CompletedOption> options = CompletedOption.of(spec);
    // The options that complete alike share one arm of the case: what follows, then who.
    Map<String, List<String>> arms = new LinkedHashMap<>();
    for (CompletedOption option : options) {
      String reply = switch (option.value()) {
        case WORDS -> "_" + name + "_reply \"$cur\" -W '" + option.words().stream()
            .map(BashCompletion::word).collect(Collectors.joining(" ")) + "'";
        case FILE -> "_" + name + "_reply \"$cur\" -f";
        case DIRECTORY -> "_" + name + "_reply \"$cur\" -d";
        case TEXT -> "# a value of the user's own: nothing to offer";
        case NONE, OPTIONAL -> null;
      };
      if (reply != null) {
        arms.computeIfAbsent(reply, r -> new ArrayList<>()).addAll(option.names());
      }
    }
    StringBuilder cases = new StringBuilder();
    arms.forEach((reply, names) -> {
      String pattern = names.stream().map(BashCompletion::word).collect(Collectors.joining("|"));
      cases.append("    ").append(pattern).append(reply.startsWith("#")
          ? ") ;; " + reply : ") " + reply + " ;;").append('\n');
    });
    String names = options.stream().flatMap(o -> o.names().stream()).map(BashCompletion::word)
        .collect(Collectors.joining(" "));
    boolean files = spec.positionalParameters().stream()
        .anyMatch(p -> !p.hidden() && p.paramLabel().equals("FILE"));
    return String.format(SCRIPT, name, cases, names, files ? "-f" : "-W ''");
  }

  /** A word fit to stand unquoted in the script; anything else is a mistake of the model. */
  private static String word(String text) {
    if (!text.matches("[A-Za-z0-9._+-]+")) {
      throw new IllegalArgumentException("not a plain word for a completion script: " + text);
    }
    return text;
  }
}
