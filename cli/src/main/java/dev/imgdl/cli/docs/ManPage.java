package dev.imgdl.cli.docs;

import dev.imgdl.cli.Environment;
import dev.imgdl.cli.run.ExitCode;
import dev.imgdl.core.config.OptionConverters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page imgdl(1), in roff, written from the picocli model that {@code --help} prints:
 * the name, synopsis, description and every option with its label and description in the help's
 * order and groups, the exit statuses and the environment from the lists the help shows. Only
 * the files, examples and references are the page's own.
 */
public final class ManPage {
  /** A command of the examples, and what it does. */
  private record Example(String what, String command) {}

  private static final List<Example> EXAMPLES = List.of(
      new Example("Download the images of a list into images/, with a JSON report of every line:",
          "imgdl -o images --report report.json urls.txt"),
      new Example("A nightly cron job: silent when every image is there, so that cron mails "
          + "nothing; otherwise one line per failure, and the failed URLs retried once:",
          "0 3 * * * cd /data/pics && imgdl -q -o images --failed retry.txt list.txt"
              + " || { [ $? -eq 1 ] && imgdl -o images retry.txt; }"),
      new Example("A dataset: WebDataset shards of 10,000 images with their captions and a saved "
          + "column, from a Parquet table; the same command again resumes after an interrupt:",
          "imgdl --caption-col caption --save-cols license --output-format webdataset \\\n"
              + "    --shard-size 10000 -o shards --report report.json photos.parquet"));

  private ManPage() {}

  /** The page of the command {@code spec}. */
  public static String of(CommandSpec spec) {
    StringBuilder page = new StringBuilder(16_384);
    String name = spec.name();
    page.append(".\\\" ").append(name).append("(1), generated at build time from the options "
        + "of the command (dev.imgdl.cli.docs.ManPage): edit them, not this file.\n");
    page.append(".TH ").append(name.toUpperCase(Locale.ROOT)).append(" 1 \"\" \"")
        .append(Roff.escape(spec.version().length > 0 ? spec.version()[0] : name))
        .append("\" \"User Commands\"\n");
    section(page, "NAME");
    String header = String.join(" ", spec.usageMessage().header()).strip();
    page.append(Roff.text(name + " - " + lowerFirst(header.replaceAll("\\.$", ""))));
    section(page, "SYNOPSIS");
    page.append(".B ").append(Roff.escape(name)).append('\n').append("[\\fIOPTION\\fR]...");
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      page.append(' ').append(positional.arity().min() == 0 ? "[" + Roff.italic(
          positional.paramLabel()) + "]" : Roff.italic(positional.paramLabel()))
          .append(positional.arity().max() > 1 ? "..." : "");
    }
    page.append('\n');
    section(page, "DESCRIPTION");
    page.append(Roff.text(String.join("\n", spec.usageMessage().description())));
    options(page, spec);
    section(page, "EXIT STATUS");
    for (ExitCode.Meaning meaning : ExitCode.MEANINGS) {
      item(page, Roff.bold(String.valueOf(meaning.code())), upperFirst(meaning.when()) + ".");
    }
    section(page, "ENVIRONMENT");
    for (Environment.Variable variable : Environment.VARIABLES) {
      item(page, String.join(", ", variable.names().stream().map(Roff::bold).toList()),
          variable.meaning());
    }
    section(page, "FILES");
    item(page, Roff.italic("$XDG_CACHE_HOME/" + name) + ", by default "
        + Roff.italic("~/.cache/" + name),
        "The start-up archives (AppCDS, or the AOT cache on JDK 25 and newer) that the launcher "
            + "makes on the first run with a JDK and maps on every later one, and those of "
            + "process mode's child JVMs: one per JDK and build of imgdl. Deleting them is "
            + "safe; the next runs make them again.");
    section(page, "EXAMPLES");
    for (Example example : EXAMPLES) {
      page.append(".PP\n").append(Roff.text(example.what())).append(".PP\n.RS 4\n.nf\n")
          .append(Roff.lines(example.command())).append(".fi\n.RE\n");
    }
    section(page, "SEE ALSO");
    page.append(".BR curl (1),\n.BR wget (1)\n.PP\n").append(Roff.text(
        "In imgdl's source repository: README.md (the user's guide), docs/spec.md (the "
            + "contract: every rule, message and report field), docs/launcher.md (the launcher "
            + "and its start-up archives), docs/process-mode.md."));
    return page.toString();
  }

  /** The positional parameters, the options without a group, then each group, as in --help. */
  private static void options(StringBuilder page, CommandSpec spec) {
    section(page, "OPTIONS");
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (!positional.hidden()) {
        item(page, Roff.italic(positional.paramLabel())
            + (positional.arity().max() > 1 ? "..." : ""),
            String.join("\n", positional.description()));
      }
    }
    spec.options().stream().filter(o -> o.group() == null).forEach(o -> option(page, o));
    spec.argGroups().stream().sorted(Comparator.comparingInt(ArgGroupSpec::order))
        .forEach(group -> {
          String heading = group.heading().replace("%n", "").strip().replaceAll(":$", "");
          page.append(".SS \"").append(Roff.escape(heading)).append("\"\n");
          group.options().forEach(o -> option(page, o));
        });
    page.append(".PP\n").append(Roff.text(OptionConverters.UNITS));
  }

  private static void option(StringBuilder page, OptionSpec option) {
    if (option.hidden()) {
      return;
    }
    StringBuilder tag = new StringBuilder();
    for (String name : option.names()) {
      tag.append(tag.length() > 0 ? ", " : "");
      tag.append(option.negatable() && name.startsWith("--")
          ? Roff.bold("--") + "[" + Roff.bold("no-") + "]" + Roff.bold(name.substring(2))
          : Roff.bold(name));
    }
    if (option.arity().max() > 0) {
      String value = "=" + Roff.italic(option.paramLabel());
      tag.append(option.arity().min() == 0 ? "[" + value + "]" : value);
    }
    item(page, tag.toString(), String.join("\n", option.description()));
  }

  /** A tagged paragraph: {@code tag} is roff already, {@code text} plain text. */
  private static void item(StringBuilder page, String tag, String text) {
    page.append(".TP\n").append(tag).append('\n').append(Roff.text(text));
  }

  private static void section(StringBuilder page, String title) {
    page.append(".SH \"").append(title).append("\"\n");
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String upperFirst(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
