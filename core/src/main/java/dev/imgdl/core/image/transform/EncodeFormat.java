package dev.imgdl.core.image.transform;

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

  @Override
  public String toString() {
    return extension;
  }
}
