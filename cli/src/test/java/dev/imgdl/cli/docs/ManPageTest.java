package dev.imgdl.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.imgdl.cli.CommandModel;
import dev.imgdl.cli.Environment;
import dev.imgdl.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** imgdl(1): the help's model in roff, and what man makes of it. */
class ManPageTest {
  /** The start of an option's line in --help: a short option, or a long one further in. */
  private static final Pattern HELP_OPTION = Pattern.compile(" {2}-[^-]| {6}--");

  @TempDir Path dir;

  private final CommandSpec spec = CommandModel.create().getCommandSpec();
  private final String page = ManPage.of(spec);

  @Test
  void everyOptionOfTheModelHasAnEntryWithItsValueAndDescription() {
    List<String> entries = entries(page);
    for (OptionSpec option : spec.options()) {
      for (String name : option.names()) {
        String shown = option.negatable() ? "--[no-]" + name.substring(2) : name;
        String value = option.arity().max() == 0 ? ""
            : option.arity().min() == 0 ? "[=" + option.paramLabel() + "]"
            : "=" + option.paramLabel();
        assertThat(entries).as(name)
            .anyMatch(e -> e.matches("(?s)(.*, )?" + Pattern.quote(shown) + "(, .*)?"
                + Pattern.quote(value) + "\n" + Pattern.quote(
                    String.join(" ", option.description()).strip()) + "\n"));
      }
    }
  }

  @Test
  void theOptionsComeInTheOrderAndGroupsOfTheHelp() {
    String help = Cli.run("--help").stdout();
    List<String> helpOptions = help.lines().filter(l -> HELP_OPTION.matcher(l).lookingAt())
        .map(String::strip).toList();
    List<String> pageOptions = entries(page).stream().map(e -> e.substring(0, e.indexOf('\n')))
        .filter(tag -> tag.startsWith("-")).toList();

    assertThat(pageOptions).hasSize(spec.options().size()).hasSameSizeAs(helpOptions);
    for (int i = 0; i < pageOptions.size(); i++) {
      // The help's option is its tag, then the description after a space, or alone on its line.
      assertThat(helpOptions.get(i) + " ").startsWith(pageOptions.get(i) + " ");
    }
    assertThat(page.lines().filter(l -> l.startsWith(".SS ")).map(ManPageTest::plain))
        .containsExactly(".SS \"Network (environment: http_proxy, https_proxy, all_proxy, "
            + "no_proxy, lower or upper case)\"",
            ".SS \"Logins and cookies (environment: NETRC, HOME)\"",
            ".SS \"Dataset inputs (tables of URLs, and opt-outs)\"", ".SS \"Dataset outputs\"",
            ".SS \"Images for training (resize, filters)\"");
    assertThat(help).contains("\nNetwork (environment: http_proxy", "\nLogins and cookies",
        "\nDataset inputs (tables",
        "\nDataset outputs:", "\nImages for training (resize, filters):");
  }

  @Test
  void everyDefaultValueIsInTheEntryOfItsOption() {
    for (OptionSpec option : spec.options()) {
      if (option.defaultValue() != null) {
        assertThat(entries(page)).as(option.longestName())
            .anyMatch(e -> e.contains(option.longestName()) && e.contains(option.defaultValue()));
      }
    }
  }

  @Test
  void theEnvironmentAndExitStatusesAreTheHelpsAndTheOtherSectionsAreThere() {
    assertThat(page.lines().filter(l -> l.startsWith(".SH ")).map(ManPageTest::plain))
        .containsExactly(".SH \"NAME\"", ".SH \"SYNOPSIS\"", ".SH \"DESCRIPTION\"",
            ".SH \"OPTIONS\"", ".SH \"EXIT STATUS\"", ".SH \"ENVIRONMENT\"", ".SH \"FILES\"",
            ".SH \"EXAMPLES\"", ".SH \"SEE ALSO\"");
    for (Environment.Variable variable : Environment.VARIABLES) {
      assertThat(entries(page)).contains(String.join(", ", variable.names()) + "\n"
          + variable.meaning() + "\n");
    }
    assertThat(entries(page)).contains("130\nWhen interrupted by SIGINT or SIGTERM (report "
        + "still written).\n");
    assertThat(plain(page)).contains("imgdl - download a list of image URLs in parallel",
        "$XDG_CACHE_HOME/imgdl, by default ~/.cache/imgdl",
        "\n0 3 * * * cd /data/pics && imgdl -q -o images --failed retry.txt list.txt || ",
        "--output-format webdataset", ".BR curl (1),\n.BR wget (1)\n");
  }

  @Test
  void manRendersThePageWithoutAWarning() throws Exception {
    assumeTrue(Program.installed("man"), "no man on this machine");
    Path file = Files.writeString(dir.resolve("imgdl.1"), page);

    Program man = man(file, "80");

    assertThat(man.stderr()).isEmpty();
    assertThat(man.exitCode()).isZero();
    assertThat(man(file, "200").stdout()).contains("IMGDL(1)", "\nENVIRONMENT\n",
        "       --disallowed-header-directives=LIST\n", "       --[no-]progress\n",
        "       http_proxy, HTTP_PROXY\n",
        "           0 3 * * * cd /data/pics && imgdl -q -o images --failed retry.txt list.txt");
  }

  /** A command whose descriptions hold what roff would take for requests and escapes. */
  @Command(name = "tricky", version = "tricky 1", header = "Try the escapes.",
      description = ".so /etc/passwd is not read; \\fBnot bold\\fR either")
  static final class Tricky {
    @Option(names = "--dot", description = ".hidden files too, and C:\\temp\\new")
    boolean dot;

    @Option(names = "--quote", paramLabel = "'X'", description = "'quoted' at the start, "
        + "\"double\" inside, a tilde ~ and a caret ^, and\n.TH on a line of its own")
    String quote;
  }

  @Test
  void aDescriptionWithALeadingDotOrABackslashIsPrintedAsWritten() throws Exception {
    String tricky = ManPage.of(new CommandLine(new Tricky()).getCommandSpec());

    assertThat(tricky).contains("\n\\&.so /etc/passwd is not read; \\efBnot bold\\efR either\n",
        "\n\\&.hidden files too, and C:\\etemp\\enew\n",
        "\n\\fB\\-\\-quote\\fR=\\fI\\(aqX\\(aq\\fR\n",
        "\n\\(aqquoted\\(aq at the start, \\(dqdouble\\(dq inside, a tilde \\(ti and a caret "
            + "\\(ha, and\n\\&.TH on a line of its own\n");
    assertThat(plain(tricky)).contains(".so /etc/passwd is not read; \\fBnot bold\\fR either",
        ".hidden files too, and C:\\temp\\new", "'quoted' at the start, \"double\" inside, a "
            + "tilde ~ and a caret ^, and\n.TH on a line of its own");
    assumeTrue(Program.installed("man"), "no man on this machine");
    Path file = Files.writeString(dir.resolve("tricky.1"), tricky);
    Program man = man(file, "200");
    assertThat(man.stderr()).isEmpty();
    assertThat(man.stdout()).contains(".so /etc/passwd is not read; \\fBnot bold\\fR either",
        ".hidden files too, and C:\\temp\\new", "--quote='X'", "'quoted' at the start, "
            + "\"double\" inside, a tilde ~ and a caret ^, and .TH on a line of its own");
  }

  private Program man(Path file, String width) throws Exception {
    return Program.run(dir, Map.of("MANWIDTH", width, "MANPAGER", "cat", "PAGER", "cat"),
        List.of("man", "--warnings", "-l", file.toString()));
  }

  /** Each tagged paragraph (.TP) of a page as plain text: its tag, then its text, by lines. */
  private static List<String> entries(String page) {
    List<String> entries = new ArrayList<>();
    for (String entry : page.split("\n\\.TP\n")) {
      List<String> lines = Arrays.stream(entry.split("\n"))
          .takeWhile(l -> !l.startsWith(".")).map(ManPageTest::plain).toList();
      entries.add(String.join("\n", lines) + "\n");
    }
    return entries.subList(1, entries.size());
  }

  /** Roff as the text it stands for: the escapes the page uses undone, fonts dropped. */
  private static String plain(String roff) {
    return roff.replaceAll("\\\\f[BIR]", "").replace("\\&", "").replace("\\-", "-")
        .replace("\\(aq", "'").replace("\\(dq", "\"").replace("\\(ga", "`")
        .replace("\\(ti", "~").replace("\\(ha", "^").replace("\\e", "\\");
  }
}
