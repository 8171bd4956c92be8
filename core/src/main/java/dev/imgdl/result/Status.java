package dev.imgdl.result;

import java.util.Locale;

/** The one status every entry ends in. */
public enum Status {
  DOWNLOADED,
  SKIPPED,
  DUPLICATE,
  INVALID,
  FAILED;

  /** The lowercase name used in the report and on the console. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
