package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.Dimensions;

/** What {@link ImageTransform#apply} made of one image: failures are values, as elsewhere. */
public sealed interface TransformResult {

  /**
   * The image was decoded and saved to the target file.
   *
   * @param width of the saved image
   * @param height of the saved image
   * @param format what it was saved as; its extension is the file's
   * @param originalWidth of the decoded image as displayed (after its Exif orientation)
   * @param originalHeight likewise
   * @param sha256 lowercase hex SHA-256 of the saved bytes
   * @param bytes the saved file's size
   */
  record Transformed(int width, int height, EncodeFormat format, int originalWidth,
      int originalHeight, String sha256, long bytes) implements TransformResult {}

  /**
   * Resize mode {@code no}: the header passed the filters and the body is to be kept as
   * downloaded; nothing was decoded or written.
   *
   * @param size the header's size, or null when it does not say (possible only without filters)
   */
  record Kept(Dimensions size) implements TransformResult {}

  /**
   * The image fails, for the one-line {@code reason} ({@code too small: 12x40 (min 64)}, {@code
   * cannot decode svg}); nothing was written.
   */
  record Refused(String reason) implements TransformResult {}
}
