package dev.imgdl.core.config;

import java.util.List;

/**
 * Values of the options every front end shares that are refused, each with the one message the
 * user reads for it. The command line's and the Spark job's tests assert that each front end
 * prints exactly this message, so both say the same thing in the same words.
 */
public final class BadOptionValues {
  /**
   * One bad value.
   *
   * @param args the option and its value, as typed
   * @param message what follows {@code imgdl: error: }, before any escaping of control characters
   * @param parseError whether picocli refuses the value while parsing, so that the front end adds
   *     {@code (see COMMAND --help)} after the message
   */
  public record Case(List<String> args, String message, boolean parseError) {
    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  public static final List<Case> CASES = List.of(
      bound(List.of("-w", "300"), "--workers must be 1 to 256, not 300"),
      bound(List.of("--workers=0"), "--workers must be 1 to 256, not 0"),
      bound(List.of("--per-host", "100001"),
          "--per-host must be 0 (no cap) to 100000, not 100001"),
      bound(List.of("--per-host=-1"), "--per-host must be 0 (no cap) to 100000, not -1"),
      bound(List.of("--retries", "101"), "--retries must be 0 to 100, not 101"),
      bound(List.of("--retries=-1"), "--retries must be 0 to 100, not -1"),
      bound(List.of("--timeout", "0"), "--timeout must be 1ms to 24h, not 0ms"),
      bound(List.of("--deadline", "25h"), "--deadline must be 1ms to 24h, not 25h"),
      bound(List.of("--max-size", "2048G"), "--max-size must be 1 to 1024G (1 TiB), not 2 TiB"),
      bound(List.of("--rate", "2000000"),
          "--rate must be 0 (no limit) or 0.001 to 1000000 requests per second, not 2000000.0"),
      bound(List.of("--min-success", "1.5"), "--min-success must be between 0 and 1, not 1.5"),
      bound(List.of("--user-agent", "a\u0001b"),
          "--user-agent 'a\u0001b': only printable ASCII and tabs can be sent"),
      bound(List.of("--input-format", "xml"),
          "--input-format must be lines, csv, tsv, jsonl or parquet, not 'xml'"),
      bound(List.of("--url-col="), "--url-col needs a column name"),
      bound(List.of("--save-cols", "a,,b"), "--save-cols needs a column name"),
      bound(List.of("--verify-hash", "h:sha1"),
          "--verify-hash h:sha1: unknown hash 'sha1' (sha256 or md5)"),
      bound(List.of("--verify-hash", ":md5"), "--verify-hash needs a column name"),
      bound(List.of("--resize", "0"), "--resize must be 1 to 16384, not 0"),
      bound(List.of("--resize", "16385"), "--resize must be 1 to 16384, not 16385"),
      bound(List.of("--resize", "64", "--resize-mode", "stretch"), "--resize-mode must be "
          + "border, keep_ratio, keep_ratio_largest, center_crop or no, not 'stretch'"),
      bound(List.of("--resize-mode", "border"), "--resize-mode needs --resize N"),
      bound(List.of("--encode-format", "png"), "--encode-format needs --resize N"),
      bound(List.of("--resize", "64", "--encode-format", "webp"),
          "--encode-format must be jpg or png, not 'webp'"),
      bound(List.of("--resize", "64", "--encode-quality", "101"),
          "--encode-quality must be 0 to 100, not 101"),
      bound(List.of("--resize", "64", "--encode-format", "png", "--encode-quality", "90"),
          "--encode-quality applies to jpg only: png is lossless"),
      bound(List.of("--min-image-size", "-1"), "--min-image-size must be 0 to 1000000, not -1"),
      bound(List.of("--max-image-area", "0"), "--max-image-area must be at least 1, not 0"),
      bound(List.of("--max-aspect-ratio", "0.5"),
          "--max-aspect-ratio must be a number of at least 1, not 0.5"),
      bound(List.of("--max-aspect-ratio", "NaN"),
          "--max-aspect-ratio must be a number of at least 1, not NaN"),
      bound(List.of("--resize", "64", "--max-decode-pixels", "0"),
          "--max-decode-pixels must be 1 to 2147483647, not 0"),
      new Case(List.of("--timeout", "soon"), "Invalid value for option '--timeout': 'soon' is "
          + "not a duration (use seconds, or 500ms, 2s, 1m, 1h)", true),
      new Case(List.of("--max-size", "lots"), "Invalid value for option '--max-size': 'lots' is "
          + "not a size (use bytes, or 500k, 50M, 1G)", true));

  private BadOptionValues() {}

  private static Case bound(List<String> args, String message) {
    return new Case(args, message, false);
  }
}
