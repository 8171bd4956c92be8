package dev.imgdl.core.image.transform;

import dev.imgdl.core.text.Alternatives;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The format a transformed image is saved in. No WebP: TwelveMonkeys' WebP plugin only decodes,
 * and no maintained pure-Java WebP encoder exists (the ImageIO WebP writers wrap libwebp).
 */
public enum EncodeFormat {
  JPG("jpg"),
  PNG("png");

  private final String extension;

  EncodeFormat(String extension) {
    this.extension = extension;
  }

  /** The label a user types, and the extension of the saved file. */
  public String extension() {
    return extension;
  }

  /** Whether transparency survives: a JPEG has none, so alpha is laid over white. */
  boolean keepsAlpha() {
    return this == PNG;
  }

  /** The value an option names, in any case. */
  public static EncodeFormat parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.extension().equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--encode-format must be "
            + Alternatives.of(new Labels()) + ", not '" + value + "'"));
  }

  /** Every option value, in order: what completion offers and a bad value's message names. */
  public static final class Labels implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(EncodeFormat::extension).iterator();
    }
  }

  @Override
  public String toString() {
    return extension;
  }
}
