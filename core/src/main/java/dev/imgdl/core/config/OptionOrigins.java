package dev.imgdl.core.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where the options a config file gave were written, so that a value refused after the file's
 * lines were parsed (a bound in {@link Limits}, an option's {@code check()}, a combination)
 * names FILE:LINE as the file's own errors do ({@link ConfigArgs}). The checks' messages start
 * with the option's name ({@code --retries must be 0 to 100, not 1000}), and picocli's errors
 * carry the option: either says which option a message is about. An option the command line
 * gives too is the command line's, and named as before.
 */
public final class OptionOrigins {
  /** No config file: every message as it is. */
  public static final OptionOrigins NONE = new OptionOrigins(Map.of());

  private final Map<String, String> places;

  private OptionOrigins(Map<String, String> places) {
    this.places = Map.copyOf(places);
  }

  /**
   * {@code message} with {@code FILE:LINE: } before it when it starts with the name of an option
   * the file gave; as it is otherwise.
   */
  public String locate(String message) {
    int end = 0;
    while (end < message.length() && " :=".indexOf(message.charAt(end)) < 0) {
      end++;
    }
    return prefixed(places.get(message.substring(0, end)), message);
  }

  /** picocli's message of {@code e}, with {@code FILE:LINE: } when its option is the file's. */
  public String locate(CommandLine.ParameterException e) {
    String place = e.getArgSpec() instanceof OptionSpec option
        ? places.get(option.longestName()) : null;
    return prefixed(place, e.getMessage());
  }

  private static String prefixed(String place, String message) {
    return place == null ? message : place + ": " + message;
  }

  /** Collects the places while {@link ConfigArgs} reads a file. */
  static final class Builder {
    private final Map<String, String> places = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final String file;
    private final Set<String> onCommandLine;

    /**
     * @param file the file as messages name it, console-safe
     * @param onCommandLine the names of the options the command line gives, which are its own
     */
    Builder(String file, Set<String> onCommandLine) {
      this.file = file;
      this.onCommandLine = Set.copyOf(onCommandLine);
    }

    /** {@code option} was given on line {@code number} of the file. */
    void add(OptionSpec option, int number) {
      List<String> names = List.of(option.names());
      if (names.stream().anyMatch(onCommandLine::contains)) {
        return;
      }
      Integer earlier = lines.putIfAbsent(option.longestName(), number);
      // A repeatable option on several lines (-H): which line a message is about is unknown,
      // so it names the file alone rather than a line that may be the wrong one.
      String place = earlier == null || earlier == number ? file + ":" + number : file;
      names.forEach(name -> places.put(name, place));
    }

    OptionOrigins build() {
      return new OptionOrigins(places);
    }
  }
}
