package dev.imgdl.cli;

import dev.imgdl.cli.settings.Mode;
import dev.imgdl.core.text.Alternatives;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the values only the command line takes (DURATION and SIZE: core). */
final class Converters {
  private Converters() {}

  static final class ModeConverter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      try {
        return Mode.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a mode (" + Alternatives.of(new Mode.Labels()) + ")");
      }
    }
  }
}
