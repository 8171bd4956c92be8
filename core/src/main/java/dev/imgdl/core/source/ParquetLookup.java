package dev.imgdl.core.source;

import java.util.Optional;
import java.util.ServiceLoader;

/** The one look-up of {@link ParquetSupport}, made when first asked for (a holder class). */
final class ParquetLookup {
  static final Optional<ParquetSupport> FOUND =
      ServiceLoader.load(ParquetSupport.class, ParquetSupport.class.getClassLoader())
          .findFirst();

  private ParquetLookup() {}
}
