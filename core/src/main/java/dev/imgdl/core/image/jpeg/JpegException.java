package dev.imgdl.core.image.jpeg;

/**
 * A JPEG that {@link JpegDecoder} took on but could not decode: corrupt or truncated entropy
 * data, a table or marker out of place, a frame larger than the caller allows. The caller may
 * hand the file to a more forgiving decoder.
 */
public final class JpegException extends Exception {
  JpegException(String message) {
    super(message, null, false, false);
  }
}
