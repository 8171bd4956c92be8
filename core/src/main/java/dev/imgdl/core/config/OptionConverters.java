package dev.imgdl.core.config;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters of the DURATION and SIZE values every front end takes: a malformed value is
 * a parse error with the message of {@link Durations#parse} or {@link Sizes#parse}.
 */
public final class OptionConverters {
  /** The help's note on both value types, for each front end's footer. */
  public static final String UNITS = "DURATION: seconds, or a number with ms, s, m, h (500ms, "
      + "2s, 1m). SIZE: bytes, or a number with k, M, G (powers of 1024).";

  private OptionConverters() {}

  /** DURATION: seconds, or a number with ms, s, m or h. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** SIZE: bytes, or a number with k, M or G (powers of 1024). */
  public static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Sizes.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
