package dev.imgdl.core.image.jpeg;

/**
 * A decoded JPEG: {@code width × height} pixels, three bytes each (R, G, B), row after row from
 * the start of {@code rgb} (which may be longer); {@code sourceWidth × sourceHeight} is the
 * frame's size, larger than the pixels by the scale denominator (rounded up) when the decode was
 * scaled.
 */
public record JpegImage(int width, int height, int sourceWidth, int sourceHeight, byte[] rgb) {}
