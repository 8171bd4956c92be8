package dev.imgdl.cli;

import static picocli.CommandLine.Help.Column.Overflow.SPAN;
import static picocli.CommandLine.Help.Column.Overflow.WRAP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The environment variables that imgdl and its launcher read, listed once: {@code --help} shows
 * them under "Environment:" and the man page under ENVIRONMENT. A variable newly read by the
 * code or by the launcher script ({@code cli/src/main/launcher/imgdl}) belongs here too.
 */
public final class Environment {
  /**
   * One variable: its names (proxy variables are read in lower case, then in upper case) and
   * what it does, in one sentence or two.
   */
  public record Variable(List<String> names, String meaning) {}

  /** The variable GitHub Actions sets to {@code true} in every step. */
  static final String GITHUB_ACTIONS = "GITHUB_ACTIONS";

  /** Every variable, the launcher's first, in the order the help shows them. */
  public static final List<Variable> VARIABLES = List.of(
      new Variable(List.of("IMGDL_JAVA"), "The java that the launcher runs imgdl on: a java "
          + "binary, or a JDK's or JRE's folder. Default: the runtime installed with imgdl, "
          + "else JAVA_HOME's."),
      new Variable(List.of("IMGDL_JAVA_OPTS"), "JVM options, space-separated, added after the "
          + "launcher's own so that they win (-Xmx2g)."),
      new Variable(List.of("JAVA_HOME"), "Without IMGDL_JAVA and a runtime installed with "
          + "imgdl (a build has none), the launcher runs $JAVA_HOME/bin/java, else java on "
          + "PATH."),
      new Variable(List.of("XDG_CACHE_HOME"), "The start-up archives of the launcher and of "
          + "process mode go to $XDG_CACHE_HOME/imgdl, else to ~/.cache/imgdl."),
      new Variable(List.of("XDG_CONFIG_HOME"), "The default config file is "
          + "$XDG_CONFIG_HOME/imgdl/config, else ~/.config/imgdl/config (see --config)."),
      new Variable(List.of("HOME"), "Where ~ is: the default config file, and --netrc's "
          + "~/.netrc."),
      new Variable(List.of("NETRC"), "The file --netrc reads instead of ~/.netrc (as curl "
          + "8.16 reads it)."),
      new Variable(proxy("http_proxy"), "HTTP proxy for http URLs, "
          + "[http://][user:pass@]host[:port]; --proxy wins."),
      new Variable(proxy("https_proxy"), "HTTP proxy for https URLs (through CONNECT); "
          + "--proxy wins."),
      new Variable(proxy("all_proxy"), "HTTP proxy for either scheme when its own variable is "
          + "unset; --proxy wins."),
      new Variable(proxy("no_proxy"), "Hosts, domains and IP addresses reached without a "
          + "proxy, comma-separated; * for all. --noproxy wins."),
      new Variable(List.of("COLUMNS"), "The width of the progress display; else the "
          + "terminal's, else 80."),
      new Variable(List.of(GITHUB_ACTIONS), "When exactly true (as GitHub Actions sets it), "
          + "each failed or invalid entry also prints an ::error workflow command on standard "
          + "error, which GitHub shows on the list's line."));

  private static final String SECTION_KEY = "environment";

  private Environment() {}

  /**
   * Whether {@code env} is a GitHub Actions step: {@code GITHUB_ACTIONS} is {@code true},
   * exactly, as GitHub sets it; another value ({@code 1}, {@code false}) is not.
   */
  static boolean githubActions(Map<String, String> env) {
    return "true".equals(env.get(GITHUB_ACTIONS));
  }

  private static List<String> proxy(String name) {
    return List.of(name, name.toUpperCase(Locale.ROOT));
  }

  /** Adds the "Environment:" section to the help of {@code cli}: after the options. */
  static void addTo(CommandLine cli) {
    cli.getHelpSectionMap().put(SECTION_KEY, Environment::helpSection);
    List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION_KEY);
    cli.setHelpSectionKeys(keys);
  }

  /** The variables in two columns: names where options start, meanings where theirs do. */
  private static String helpSection(Help help) {
    int names = 5 + help.calcLongOptionColumnWidth(help.commandSpec().options(),
        help.commandSpec().positionalParameters(), help.colorScheme());
    TextTable table = TextTable.forColumns(help.colorScheme(), new Column(names, 2, SPAN),
        new Column(help.commandSpec().usageMessage().width() - names, 1, WRAP));
    for (Variable variable : VARIABLES) {
      table.addRowValues(String.join(", ", variable.names()), variable.meaning());
    }
    return System.lineSeparator() + "Environment:" + System.lineSeparator() + table;
  }
}
