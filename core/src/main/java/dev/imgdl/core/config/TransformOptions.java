package dev.imgdl.core.config;

import dev.imgdl.core.image.transform.EncodeFormat;
import dev.imgdl.core.image.transform.ResizeMode;
import dev.imgdl.core.image.transform.TransformSettings;
import picocli.CommandLine.Option;

/**
 * The options of images shaped for training (issue #22), declared once as a picocli mixin for
 * every front end: img2dataset's resize, the encoding, the filters on the header's size and the
 * decode limit. Each accessor checks its value with {@link Limits}; {@link #check} also refuses
 * the combinations that mean nothing, with an {@link IllegalArgumentException} the user reads.
 */
public final class TransformOptions {
  @Option(names = "--resize", paramLabel = "N",
      description = "Decode each image, resize it as --resize-mode says and save it as "
          + "--encode-format; N is 1 to 16384. Default: bodies saved as downloaded, nothing "
          + "decoded.")
  private Integer resize;

  @Option(names = "--resize-mode", paramLabel = "MODE",
      completionCandidates = ResizeMode.Labels.class,
      description = "With --resize: border (fit inside NxN, pad with white), keep_ratio "
          + "(smaller side N), keep_ratio_largest (larger side N), center_crop (smaller side "
          + "N, centre kept) or no (nothing decoded, body kept). Default: border.")
  private String resizeMode;

  @Option(names = "--resize-only-if-bigger",
      description = "With --resize: leave an image that is not larger than N at its size "
          + "(still decoded and encoded).")
  private boolean onlyIfBigger;

  @Option(names = "--encode-format", paramLabel = "FORMAT",
      completionCandidates = EncodeFormat.Labels.class,
      description = "With --resize: jpg (alpha laid over white) or png; the file's extension "
          + "follows it. Default: jpg.")
  private String encodeFormat;

  @Option(names = "--encode-quality", paramLabel = "Q",
      description = "With --resize and jpg: the JPEG quality, 0 to 100. Default: 95.")
  private Integer encodeQuality;

  @Option(names = "--min-image-size", paramLabel = "N",
      description = "Fail an image whose smaller side is under N pixels, 0 to 1000000, read "
          + "from its header (with or without --resize). Default: 0.")
  private int minImageSize;

  @Option(names = "--max-image-area", paramLabel = "PIXELS",
      description = "Fail an image of more than PIXELS (width x height, from its header), at "
          + "least 1. Default: no limit.")
  private Long maxImageArea;

  @Option(names = "--max-aspect-ratio", paramLabel = "R",
      description = "Fail an image whose larger side / smaller side is above R, at least 1, "
          + "from its header. Default: no limit.")
  private Double maxAspectRatio;

  @Option(names = "--max-decode-pixels", paramLabel = "N",
      description = "With --resize: fail an image of more pixels than N without decoding it "
          + "(a decompression bomb), 1 to 2147483647. Default: 89478485 (Pillow's limit).")
  private Long maxDecodePixels;

  /** Checks every value and combination, throwing for the first one that cannot be honoured. */
  public void check() {
    settings();
  }

  /**
   * What the core does to each validated body, or null when it keeps every body as downloaded
   * and reads nothing more of it (no {@code --resize}, no filter). Without {@code --resize} the
   * filters alone are mode {@code no}: the size is then unused.
   */
  public TransformSettings settings() {
    if (resize == null) {
      for (String option : new String[] {"--resize-mode", "--resize-only-if-bigger",
          "--encode-format", "--encode-quality", "--max-decode-pixels"}) {
        if (given(option)) {
          throw new IllegalArgumentException(option + " needs --resize N");
        }
      }
    }
    EncodeFormat format = encodeFormat == null ? EncodeFormat.JPG
        : EncodeFormat.parse(encodeFormat);
    if (encodeQuality != null && format != EncodeFormat.JPG) {
      throw new IllegalArgumentException(
          "--encode-quality applies to jpg only: png is lossless");
    }
    TransformSettings.Builder settings = TransformSettings.builder()
        .size(resize == null ? 1 : Limits.resize(resize))
        .mode(resize == null ? ResizeMode.NO
            : resizeMode == null ? ResizeMode.BORDER : ResizeMode.parse(resizeMode))
        .onlyIfBigger(onlyIfBigger)
        .format(format)
        .quality(encodeQuality == null ? TransformSettings.DEFAULT_QUALITY
            : Limits.encodeQuality(encodeQuality))
        .minImageSize(Limits.minImageSize(minImageSize))
        .maxImageArea(maxImageArea == null ? Long.MAX_VALUE : Limits.maxImageArea(maxImageArea))
        .maxAspectRatio(maxAspectRatio == null ? Double.POSITIVE_INFINITY
            : Limits.maxAspectRatio(maxAspectRatio))
        .maxDecodePixels(maxDecodePixels == null ? TransformSettings.DEFAULT_MAX_DECODE_PIXELS
            : Limits.maxDecodePixels(maxDecodePixels));
    boolean filters = minImageSize > 0 || maxImageArea != null || maxAspectRatio != null;
    return resize == null && !filters ? null : settings.build();
  }

  private boolean given(String option) {
    return switch (option) {
      case "--resize-mode" -> resizeMode != null;
      case "--resize-only-if-bigger" -> onlyIfBigger;
      case "--encode-format" -> encodeFormat != null;
      case "--encode-quality" -> encodeQuality != null;
      default -> maxDecodePixels != null;
    };
  }
}
