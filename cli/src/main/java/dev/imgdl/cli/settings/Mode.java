package dev.imgdl.cli.settings;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** How workers run: threads in this JVM, or one child JVM per chunk. */
public enum Mode {
  THREAD,
  PROCESS;

  /** The name users type and the report shows. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every label: what completion offers and a bad value's message names. */
  public static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Mode::label).iterator();
    }
  }
}
