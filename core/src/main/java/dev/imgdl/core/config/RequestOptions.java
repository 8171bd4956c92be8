package dev.imgdl.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * What a request sends and what a response may hold, beside {@link FetchOptions}: extra headers
 * ({@code -H}) and {@code --any-type}. A picocli mixin shared by the CLI and the Spark job, so
 * both check a header with the same words.
 */
public final class RequestOptions {
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
      description = "Extra request header; repeatable. The value is printable ASCII.")
  private List<String> headers = new ArrayList<>();

  @Option(names = "--any-type", description = "Accept bodies that are not images.")
  private boolean anyType;

  /** The extra headers, each checked: an {@link IllegalArgumentException} for a bad one. */
  public List<String> headers() {
    for (String header : headers) {
      int colon = header.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(header.substring(0, colon).strip()).matches()) {
        throw new IllegalArgumentException(
            "-H '" + header + "' is not a header: use 'Name: value'");
      }
      if (!Limits.sendable(header.substring(colon + 1))) {
        throw new IllegalArgumentException(
            "-H '" + header + "': only printable ASCII and tabs can be sent in the value");
      }
    }
    return List.copyOf(headers);
  }

  public boolean anyType() {
    return anyType;
  }
}
