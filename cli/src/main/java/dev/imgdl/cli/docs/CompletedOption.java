package dev.imgdl.cli.docs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option as a completion script offers it: the words that name it ({@code --no-progress}
 * too), what may follow it, and a summary to show beside it.
 *
 * @param names every name, a negatable option's negative form included
 * @param value what follows the option
 * @param words the values a {@link Value#WORDS} option takes, from the model's completion
 *     candidates (the list its check uses)
 * @param label the value's label in the help ({@code FILE}, {@code N})
 * @param summary the first sentence of the option's description, without its full stop
 * @param repeatable whether the option may be given more than once ({@code -H}, {@code -v})
 */
record CompletedOption(List<String> names, Value value, List<String> words, String label,
    String summary, boolean repeatable) {
  /** What follows an option on the command line. */
  enum Value {
    /** Nothing: a flag. */
    NONE,
    /** A value after {@code =} only, or nothing ({@code --subdirs[=N]}). */
    OPTIONAL,
    /** One of {@link #words}. */
    WORDS,
    FILE,
    DIRECTORY,
    /** Text of the user's own: nothing to offer. */
    TEXT
  }

  /** The options of {@code spec} that --help shows, in its order. */
  static List<CompletedOption> of(CommandSpec spec) {
    List<CompletedOption> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(option.names()));
      if (option.negatable()) {
        for (String name : option.names()) {
          String negative = spec.negatableOptionTransformer().makeNegative(name, spec);
          if (!negative.equals(name)) {
            names.add(negative);
          }
        }
      }
      List<String> words = new ArrayList<>();
      if (option.completionCandidates() != null) {
        option.completionCandidates().forEach(words::add);
      }
      options.add(new CompletedOption(List.copyOf(names), value(option), List.copyOf(words),
          option.paramLabel(), summary(String.join(" ", option.description())),
          option.typeInfo().isMultiValue()));
    }
    return options;
  }

  private static Value value(OptionSpec option) {
    if (option.arity().max() == 0) {
      return Value.NONE;
    }
    if (option.arity().min() == 0) {
      return Value.OPTIONAL;
    }
    if (option.completionCandidates() != null) {
      return Value.WORDS;
    }
    if (option.paramLabel().equals("DIR")) {
      return Value.DIRECTORY;
    }
    Class<?> type = option.type();
    return option.paramLabel().equals("FILE") || type == Path.class || type == File.class
        ? Value.FILE : Value.TEXT;
  }

  /** The first sentence, or clause before a semicolon, of {@code description}. */
  static String summary(String description) {
    String text = description.strip();
    int end = text.length();
    for (String stop : List.of(". ", "; ")) {
      int at = text.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return text.substring(0, end).replaceAll("\\.$", "");
  }
}
