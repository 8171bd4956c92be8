package dev.imgdl.cli.settings;

/** How workers run: threads in this JVM, or one child JVM per chunk. */
public enum Mode {
  THREAD,
  PROCESS;

  /** The name users type and the report shows. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
