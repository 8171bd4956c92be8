package dev.imgdl.core.image.transform;

import dev.imgdl.core.text.Alternatives;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * How an image is fitted to the size N, with img2dataset's meanings and names (its
 * {@code resizer.py}): the label is what a user types.
 */
public enum ResizeMode {
  /** Fits inside N×N (the larger side becomes N), then pads to N×N with white. */
  BORDER("border"),
  /** The smaller side becomes N. */
  KEEP_RATIO("keep_ratio"),
  /** The larger side becomes N. */
  KEEP_RATIO_LARGEST("keep_ratio_largest"),
  /** The smaller side becomes N, then the centre N×N is kept. */
  CENTER_CROP("center_crop"),
  /** Nothing is decoded: the body is kept as downloaded, after the header's checks. */
  NO("no");

  private final String label;

  ResizeMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the larger side is the one brought to N (else the smaller). */
  boolean fitsLargerSide() {
    return this == BORDER || this == KEEP_RATIO_LARGEST;
  }

  /** The value an option names, in any case. */
  public static ResizeMode parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.label().equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--resize-mode must be "
            + Alternatives.of(new Labels()) + ", not '" + value + "'"));
  }

  /** Every option value, in order: what completion offers and a bad value's message names. */
  public static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(ResizeMode::label).iterator();
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
