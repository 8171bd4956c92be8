package dev.imgdl.core.config;

import dev.imgdl.core.text.ConsoleText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Puts a {@link ConfigFile}'s options under a command line's, as curl reads {@code .curlrc}:
 * the words of the file come first, then the command line's. An option that takes one value is
 * left out of the file's words when the command line gives it too, so the command line wins
 * (picocli refuses a single-value option given twice, and rightly so on one command line); a
 * repeatable option ({@code -H}, {@code -v}) keeps the file's values and adds the command
 * line's. Each line is parsed on its own, by a fresh command, so that an unknown option, a
 * missing or bad value, an argument that is not an option, or an option the file may not hold
 * is refused naming FILE:LINE. A value refused later, by a check, names its line through the
 * {@link OptionOrigins} the merge returns.
 */
public final class ConfigArgs {
  /** The words to parse, and where the file's options in them were written. */
  public record Merged(List<String> words, OptionOrigins origins) {
    public Merged {
      words = List.copyOf(words);
    }
  }

  private ConfigArgs() {}

  /**
   * The words to parse: {@code file}'s options, less those {@code args} overrides, then {@code
   * args}.
   *
   * @param commands makes a fresh command line of the command, to parse a line or {@code args}
   * @param notInFile names of options a config file cannot hold ({@code --config})
   */
  public static Merged merge(Supplier<CommandLine> commands, ConfigFile file,
      List<String> args, Set<String> notInFile) {
    ParseResult commandLine = parse(commands.get(), args);
    Set<String> given = Set.copyOf(singleValued(commandLine));
    OptionOrigins.Builder origins =
        new OptionOrigins.Builder(ConsoleText.safe(file.name()), names(commandLine));
    Map<String, Integer> firstLine = new HashMap<>();
    List<String> words = new ArrayList<>();
    for (ConfigFile.Line line : file.lines()) {
      ParseResult result = parseLine(commands.get(), file, line);
      String where = ConsoleText.safe(file.name()) + ":" + line.number() + ": ";
      if (!result.matchedPositionals().isEmpty()) {
        throw new ConfigException(where + "'" + ConsoleText.safe(
            String.valueOf(result.matchedPositionals().get(0).stringValues().get(0)))
            + "' is not an option: a config file holds options only, inputs go on the "
            + "command line");
      }
      for (OptionSpec option : result.matchedOptions()) {
        String name = option.longestName();
        for (String forbidden : notInFile) {
          if (List.of(option.names()).contains(forbidden)) {
            throw new ConfigException(where + name + " cannot be used in a config file");
          }
        }
        if (!option.isMultiValue()) {
          Integer earlier = firstLine.putIfAbsent(name, line.number());
          if (earlier != null) {
            throw new ConfigException(where + name + " given again (first on line " + earlier
                + ")");
          }
        }
      }
      // A line may hold several options: only those the command line gives again are left out.
      for (List<String> option : options(commands, line.words())) {
        List<OptionSpec> matched = parse(commands.get(), option).matchedOptions();
        boolean overridden = matched.stream()
            .anyMatch(o -> !o.isMultiValue() && given.contains(o.longestName()));
        if (!overridden) {
          words.addAll(option);
          matched.forEach(o -> origins.add(o, line.number()));
        }
      }
    }
    words.addAll(args);
    return new Merged(words, origins.build());
  }

  /**
   * The words of a line that parses, cut into its options, each with its values: the shortest
   * run of words from where the last one ended that parses alone.
   */
  private static List<List<String>> options(Supplier<CommandLine> commands, List<String> words) {
    List<List<String>> options = new ArrayList<>();
    int start = 0;
    while (start < words.size()) {
      int end = start + 1;
      while (end < words.size() && !alone(commands.get(), words.subList(start, end))) {
        end++;
      }
      options.add(List.copyOf(words.subList(start, end)));
      start = end;
    }
    return options;
  }

  /** Whether {@code words} parse as options only, nothing unmatched and no argument. */
  private static boolean alone(CommandLine command, List<String> words) {
    ParseResult result = parse(command, words);
    return result != null && result.unmatched().isEmpty() && result.matchedPositionals().isEmpty();
  }

  /** Every name of the options {@code result} matched; none when it did not parse. */
  private static Set<String> names(ParseResult result) {
    return result == null ? Set.of() : result.matchedOptions().stream()
        .flatMap(option -> Stream.of(option.names())).collect(Collectors.toSet());
  }

  /**
   * The long names of the single-value options {@code result} matched; none when the command
   * line does not parse, whose error the real parse then reports without the file.
   */
  private static List<String> singleValued(ParseResult result) {
    if (result == null) {
      return List.of();
    }
    return result.matchedOptions().stream().filter(o -> !o.isMultiValue())
        .map(OptionSpec::longestName).toList();
  }

  /**
   * {@code args} parsed by {@code command}, to find the config file's option before the real
   * parse; null when they do not parse (missing required arguments aside), for the real parse to
   * report.
   */
  public static ParseResult parse(CommandLine command, List<String> args) {
    try {
      return command.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      return positionalsMissing(e) ? command.getParseResult() : null;
    }
  }

  private static ParseResult parseLine(CommandLine command, ConfigFile file,
      ConfigFile.Line line) {
    try {
      return command.parseArgs(line.words().toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      // A command's required arguments (the Spark job's INPUT OUTPUT) are not on a line.
      ParseResult result = positionalsMissing(e) ? command.getParseResult() : null;
      if (result != null && result.unmatched().isEmpty()) {
        return result;
      }
      if (result != null) {
        e = new CommandLine.UnmatchedArgumentException(command, result.unmatched());
      }
      throw new ConfigException(ConsoleText.safe(file.name()) + ":" + line.number() + ": "
          + ConsoleText.safe(e.getMessage()) + suggestion(e));
    }
  }

  private static boolean positionalsMissing(CommandLine.ParameterException e) {
    return e instanceof CommandLine.MissingParameterException missing
        && missing.getMissing().stream().noneMatch(CommandLine.Model.ArgSpec::isOption);
  }

  /** picocli's closest option names for an unknown one: {@code (did you mean --timeout?)}. */
  private static String suggestion(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
      return "";
    }
    List<String> options = unmatched.getSuggestions().stream()
        .filter(s -> s.startsWith("-")).limit(3).toList();
    return options.isEmpty() ? "" : " (did you mean " + String.join(" or ", options) + "?)";
  }
}
