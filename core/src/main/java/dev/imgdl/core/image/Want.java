package dev.imgdl.core.image;

/**
 * What a header reader wants next from the body streaming past: the bytes of a range, then
 * what to do with them, or its answer. Ranges never start before the previous one, so a body is
 * read once, front to back, and only the range asked for is held.
 */
sealed interface Want {
  /** The bytes {@code [at, at + length)}, handed to {@code then} (fewer at the body's end). */
  record Bytes(long at, int length, Step then) implements Want {}

  /** The size, or null when the header does not say. */
  record Answer(Dimensions size) implements Want {}

  /** The next move of a reader, given the bytes it asked for. */
  interface Step {
    Want next(Window window);
  }

  static Want bytes(long at, int length, Step then) {
    return new Bytes(at, length, then);
  }

  static Want answer(Dimensions size) {
    return new Answer(size);
  }
}
