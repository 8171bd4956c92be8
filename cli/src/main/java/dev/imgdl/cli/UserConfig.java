package dev.imgdl.cli;

import dev.imgdl.core.config.ConfigArgs;
import dev.imgdl.core.config.ConfigFile;
import dev.imgdl.core.config.OptionOrigins;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The config file of a run: {@code --config FILE}, else the user's default file when it exists
 * ({@code $XDG_CONFIG_HOME/imgdl/config}, else {@code $HOME/.config/imgdl/config}), unless
 * {@code --no-config}. Its options go under the command line's ({@link ConfigArgs}), before
 * picocli parses the run's command line, so everything after sees one set of options: the
 * settings, the children's pipe and {@code --child-java-options}' "given" alike.
 */
final class UserConfig {
  static final String CONFIG = "--config";
  static final String NO_CONFIG = "--no-config";

  /**
   * The words to parse, what {@code -v} says about the file, and where its options were written
   * for the messages about their values.
   */
  record Chosen(String[] args, String note, OptionOrigins origins) {
    Chosen(String[] args, String note) {
      this(args, note, OptionOrigins.NONE);
    }
  }

  private UserConfig() {}

  /**
   * {@code args} with the options of the chosen config file under them. A command line that does
   * not parse, or asks for help or the version, is returned as it is.
   */
  static Chosen apply(Map<String, String> env, String[] args) {
    ParseResult parsed = ConfigArgs.parse(new CommandLine(new ImgdlCommand()), List.of(args));
    if (parsed == null) {
      return new Chosen(args, "no config file read: the command line does not parse");
    }
    if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return new Chosen(args, "no config file read");
    }
    Path given = parsed.matchedOptionValue(CONFIG, null);
    if (given != null && parsed.hasMatchedOption(NO_CONFIG)) {
      throw new UsageException(CONFIG + " and " + NO_CONFIG + " cannot be used together");
    }
    if (parsed.hasMatchedOption(NO_CONFIG)) {
      return new Chosen(args, "no config file read (" + NO_CONFIG + ")");
    }
    Path file = given != null ? given : defaultFile(env);
    if (file == null) {
      return new Chosen(args, "no config file read (neither XDG_CONFIG_HOME nor HOME is set)");
    }
    if (given == null && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new Chosen(args, "no config file read (there is no " + file + ")");
    }
    ConfigFile config = ConfigFile.read(file, file.toString());
    ConfigArgs.Merged merged = ConfigArgs.merge(() -> new CommandLine(new ImgdlCommand()),
        config, List.of(args), Set.of(CONFIG, NO_CONFIG));
    return new Chosen(merged.words().toArray(String[]::new), "config file " + file + " read",
        merged.origins());
  }

  /** The XDG base directory specification's place: a relative XDG_CONFIG_HOME is ignored. */
  static Path defaultFile(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "imgdl", "config");
    }
    String home = env.get("HOME");
    return home == null || home.isEmpty() ? null : Path.of(home, ".config", "imgdl", "config");
  }
}
