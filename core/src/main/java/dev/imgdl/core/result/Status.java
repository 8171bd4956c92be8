package dev.imgdl.core.result;

import java.util.Locale;

/**
 * The one status every entry ends in. {@link #CHECKED} is a {@code --check} run's: the entry
 * passed every check a download passes and would have been saved, but nothing was written.
 */
public enum Status {
  DOWNLOADED,
  CHECKED,
  SKIPPED,
  DUPLICATE,
  INVALID,
  FAILED;

  /** The lowercase name used in the report and on the console. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status whose {@link #label} is {@code label}.
   *
   * @throws IllegalArgumentException when none is, naming the field {@code status}
   */
  public static Status of(String label) {
    for (Status status : values()) {
      if (status.label().equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("field status is not a status: " + label);
  }
}
