package dev.imgdl.cli.report;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.InputReader;

/**
 * A GitHub Actions workflow command that puts an entry's failure on its line of the list in the
 * pull request: {@code ::error file=urls.txt,line=4,title=imgdl::MESSAGE}, or without {@code
 * file} and {@code line} for standard input. The message is the console's failure line (control
 * characters already made visible, credentials hidden), then escaped as GitHub documents for a
 * command's data ({@code %} {@code CR} {@code LF}) and, for property values, also {@code :} and
 * {@code ,}: a URL or a list line cannot end the command or forge another.
 */
final class Annotation {
  private Annotation() {}

  /** The command for {@code entry}, whose failure line is {@code line}. */
  static String error(Entry entry, String line) {
    StringBuilder command = new StringBuilder("::error ");
    if (!InputReader.STDIN_NAME.equals(entry.source())) {
      command.append("file=").append(property(SummaryPrinter.safeSource(entry)))
          .append(",line=").append(entry.line()).append(',');
    }
    return command.append("title=imgdl::").append(data(line)).toString();
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
