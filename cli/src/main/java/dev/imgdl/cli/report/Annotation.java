package dev.imgdl.cli.report;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.InputReader;
import dev.imgdl.core.result.Result;

/**
 * A GitHub Actions workflow command that puts an entry's failure on its line of the list in the
 * pull request: {@code ::error file=urls.txt,line=4::HTTP 404: https://…}, the error first and
 * then the URL (the file and line are the command's own); for standard input, which GitHub
 * cannot show, {@code ::error::} and the whole failure line. The texts are the console's
 * (control characters made visible, credentials hidden), then escaped as GitHub documents for a
 * command's data ({@code %} {@code CR} {@code LF}) and, for property values, also {@code :} and
 * {@code ,}: a URL or a list line cannot end the command or forge another.
 */
final class Annotation {
  private Annotation() {}

  /** The command for {@code entry}, failed or invalid with {@code result}. */
  static String error(Entry entry, Result result) {
    if (InputReader.STDIN_NAME.equals(entry.source())) {
      return "::error::" + data(SummaryPrinter.failureLine(entry, result));
    }
    String message = SummaryPrinter.shownError(result)
        + (entry.url().isEmpty() ? "" : ": " + SummaryPrinter.shownUrl(entry));
    return "::error file=" + property(SummaryPrinter.safeSource(entry)) + ",line=" + entry.line()
        + "::" + data(message);
  }

  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
