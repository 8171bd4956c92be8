package dev.imgdl.core.config;

import dev.imgdl.core.image.transform.TransformSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The values a front end takes from its user for the core's settings, checked the same way in
 * every front end (the command line, the Spark job): each check throws an {@link
 * IllegalArgumentException} whose message, naming the option, is what the user reads.
 */
public final class Limits {
  /** Longest --timeout and --deadline. OkHttp takes at most 24.8 days; a day is plenty. */
  public static final Duration MAX_DURATION = Duration.ofHours(24);

  /** Largest --max-size: 1 TiB, more than any image and far from overflowing a byte count. */
  public static final long MAX_SIZE = 1L << 40;

  /**
   * Slowest and fastest --rate: one request start per 1,000 s, a million a second. Slower is no
   * rate anyone means (100 entries on one host would take a day), and near 1e-10 the interval
   * between starts overflows in nanoseconds, which silently meant no limit at all; faster is an
   * interval under a microsecond, which no gate keeps.
   */
  public static final double MIN_RATE = 0.001;

  public static final double MAX_RATE = 1_000_000;

  /** Most -w, --workers (the contract's bound, docs/spec.md). */
  public static final int MAX_WORKERS = 256;

  /** Most --retries (the contract's bound). */
  public static final int MAX_RETRIES = 100;

  /**
   * Largest --per-host cap: more requests in flight to one host than this is no cap anyone means
   * (in the CLI a cap of -w or more never binds, each worker having one request in flight).
   */
  public static final int MAX_PER_HOST = 100_000;

  /** Largest --min-image-size: no image is wider than a million pixels. */
  public static final int MAX_MIN_IMAGE_SIZE = 1_000_000;

  /** Largest --max-decode-pixels: the most elements one Java array (a raster) holds. */
  public static final long MAX_DECODE_PIXELS = Integer.MAX_VALUE;

  private Limits() {}

  /** A --resize: 1 to {@link TransformSettings#MAX_SIZE}. */
  public static int resize(int size) {
    return range("--resize", size, 1, TransformSettings.MAX_SIZE);
  }

  /** An --encode-quality: 0 to 100. */
  public static int encodeQuality(int quality) {
    return range("--encode-quality", quality, 0, 100);
  }

  /** A --min-image-size: 0 (all) to {@link #MAX_MIN_IMAGE_SIZE}. */
  public static int minImageSize(int size) {
    return range("--min-image-size", size, 0, MAX_MIN_IMAGE_SIZE);
  }

  /** A --max-image-area: at least 1 pixel. */
  public static long maxImageArea(long area) {
    if (area < 1) {
      throw new IllegalArgumentException("--max-image-area must be at least 1, not " + area);
    }
    return area;
  }

  /** A --max-aspect-ratio: at least 1 (a square), finite. */
  public static double maxAspectRatio(double ratio) {
    if (!(ratio >= 1 && ratio < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "--max-aspect-ratio must be a number of at least 1, not " + ratio);
    }
    return ratio;
  }

  /** A --max-decode-pixels: 1 to {@link #MAX_DECODE_PIXELS}. */
  public static long maxDecodePixels(long pixels) {
    if (pixels < 1 || pixels > MAX_DECODE_PIXELS) {
      throw new IllegalArgumentException(
          "--max-decode-pixels must be 1 to " + MAX_DECODE_PIXELS + ", not " + pixels);
    }
    return pixels;
  }

  /** A count from {@code min} to {@code max}, such as --workers or --retries. */
  public static int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be " + min + " to " + max + ", not " + value);
    }
    return value;
  }

  /** A -w, --workers: 1 to {@link #MAX_WORKERS}. */
  public static int workers(int workers) {
    return range("--workers", workers, 1, MAX_WORKERS);
  }

  /** A --retries: 0 to {@link #MAX_RETRIES}. */
  public static int retries(int retries) {
    return range("--retries", retries, 0, MAX_RETRIES);
  }

  /** A --per-host: 0 (no cap) to {@link #MAX_PER_HOST}. */
  public static int perHost(int perHost) {
    if (perHost < 0 || perHost > MAX_PER_HOST) {
      throw new IllegalArgumentException(
          "--per-host must be 0 (no cap) to " + MAX_PER_HOST + ", not " + perHost);
    }
    return perHost;
  }

  /** A --user-agent: a header value that can be sent (see {@link #sendable}). */
  public static String userAgent(String agent) {
    if (!sendable(agent)) {
      throw new IllegalArgumentException(
          "--user-agent '" + agent + "': only printable ASCII and tabs can be sent");
    }
    return agent;
  }

  /** A --timeout or --deadline: 1 ms to {@link #MAX_DURATION}. */
  public static Duration duration(String option, Duration d) {
    if (d.toMillis() < 1 || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          option + " must be 1ms to 24h, not " + Durations.format(d));
    }
    return d;
  }

  /** A --max-size: 1 byte to {@link #MAX_SIZE}. */
  public static long maxSize(long size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "--max-size must be 1 to 1024G (1 TiB), not " + Sizes.format(size));
    }
    return size;
  }

  /** A --limit-rate: 1k to {@link #MAX_SIZE} bytes per second. */
  public static long limitRate(long bytesPerSecond) {
    if (bytesPerSecond < 1024 || bytesPerSecond > MAX_SIZE) {
      throw new IllegalArgumentException(
          "--limit-rate must be 1k to 1024G per second, not " + Sizes.format(bytesPerSecond));
    }
    return bytesPerSecond;
  }

  /** A --rate: 0 (no limit), or {@link #MIN_RATE} to {@link #MAX_RATE} per second. */
  public static double rate(double rate) {
    if (!(rate == 0 || (rate >= MIN_RATE && rate <= MAX_RATE))) {
      throw new IllegalArgumentException(
          "--rate must be 0 (no limit) or 0.001 to 1000000 requests per second, not " + rate);
    }
    return rate;
  }

  /** A --min-success ratio, 0 to 1. */
  public static double minSuccess(double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("--min-success must be between 0 and 1, not " + ratio);
    }
    return ratio;
  }

  /**
   * Whether a header value can be sent as is. OkHttp refuses anything but printable ASCII and
   * tabs, and would refuse it only when the first request is built, in every worker.
   */
  public static boolean sendable(String value) {
    return value.chars().allMatch(ch -> ch == '\t' || (ch >= 0x20 && ch < 0x7f));
  }

  /**
   * The --disallowed-header-directives list: comma-separated, blanks dropped (the core compares
   * in lower case); null gives the default list, an empty value turns the check off.
   */
  public static List<String> directives(String list) {
    if (list == null) {
      return RequestSettings.DEFAULT_DISALLOWED;
    }
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
