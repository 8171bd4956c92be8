package dev.imgdl.core.config;

/**
 * The check a builder makes of a field it has no default for: left out, it fails at {@code
 * build()} with the field's name, instead of becoming a silent null or zero.
 */
public final class Required {
  private Required() {}

  /** {@code value}, or an {@link IllegalStateException} naming {@code field} when it is null. */
  public static <T> T value(T value, String field) {
    if (value == null) {
      throw new IllegalStateException(field + " was not set: it has no default");
    }
    return value;
  }
}
