package dev.imgdl.cli.docs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The zsh completion of a command, written from its picocli model as one call of zsh's own
 * {@code _arguments}: each option with its summary, the values of an option that has a list of
 * them, file names for FILE arguments and file options, folder names for DIR. The file is named
 * {@code _NAME} and starts with {@code #compdef NAME}, so that zsh's {@code compinit} finds it
 * in any folder of {@code $fpath} and loads it when first needed.
 */
public final class ZshCompletion {
  private static final String HEADER = """
      #compdef %1$s
      # zsh completion of %1$s(1), generated at build time from the options of the command
      # (dev.imgdl.cli.docs.ZshCompletion): edit them, not this file. zsh loads it from any
      # folder of $fpath (/usr/share/zsh/vendor-completions/_%1$s, for one).

      _arguments -s -S \\
      """;

  private ZshCompletion() {}

  /** The script for the command {@code spec}. */
  public static String of(CommandSpec spec) {
    List<String> specs = new ArrayList<>();
    for (CompletedOption option : CompletedOption.of(spec)) {
      String exclusive = option.repeatable() ? "*" : "(" + String.join(" ", option.names()) + ")";
      for (String name : option.names()) {
        specs.add(exclusive + name + form(name, option) + "[" + described(option.summary())
            + "]" + value(option));
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (!positional.hidden()) {
        specs.add((positional.arity().max() > 1 ? "*" : "") + ":" + message(
            positional.paramLabel()) + ":" + (positional.paramLabel().equals("FILE") ? "_files"
            : " "));
      }
    }
    StringBuilder script = new StringBuilder(String.format(HEADER, spec.name()));
    for (int i = 0; i < specs.size(); i++) {
      script.append("  ").append(quoted(specs.get(i)))
          .append(i < specs.size() - 1 ? " \\\n" : "\n");
    }
    return script.toString();
  }

  /** How the value joins the name: {@code -o DIR} or {@code -oDIR}, {@code --output[=]DIR}. */
  private static String form(String name, CompletedOption option) {
    return switch (option.value()) {
      case NONE -> "";
      case OPTIONAL -> "=-";
      default -> name.startsWith("--") ? "=" : "+";
    };
  }

  private static String value(CompletedOption option) {
    String message = message(option.label());
    return switch (option.value()) {
      case NONE -> "";
      case OPTIONAL -> "::" + message + ": ";
      case WORDS -> ":" + message + ":(" + String.join(" ", option.words()) + ")";
      case FILE -> ":" + message + ":_files";
      case DIRECTORY -> ":" + message + ":_files -/";
      case TEXT -> ":" + message + ": ";
    };
  }

  /** An option's description between {@code [} and {@code ]}: brackets and backslashes quoted. */
  private static String described(String text) {
    return text.replaceAll("([\\\\\\[\\]])", "\\\\$1");
  }

  /** A value's message between colons: colons and backslashes quoted. */
  private static String message(String text) {
    return text.replaceAll("([\\\\:])", "\\\\$1");
  }

  /** {@code text} as one word in single quotes, a quote in it closed, escaped and reopened. */
  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
