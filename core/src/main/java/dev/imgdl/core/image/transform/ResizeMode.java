package dev.imgdl.core.image.transform;

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

  @Override
  public String toString() {
    return label;
  }
}
