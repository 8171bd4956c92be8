package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import dev.imgdl.core.source.ParquetSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core without the optional parquet module (its tests' class path has none): Parquet is
 * refused with what to do, before any input is read.
 */
class WithoutParquetTest {
  private static final String NEEDS =
      "needs imgdl-parquet.jar beside imgdl.jar (./mvnw -B package builds it)";

  @TempDir Path dir;

  @Test
  void noParquetSupportIsFound() {
    assertThat(ParquetSupport.find()).isEmpty();
  }

  @Test
  void theCheckBeforeARunRefusesAParquetInputBeforeReadingAnyInput() throws Exception {
    Path list = Files.write(dir.resolve("a.txt"), new byte[] {'h', '\n', (byte) 0xff, '\n'});
    Path parquet = Files.writeString(dir.resolve("photos.parquet"), "not read");
    InputReader reader = new InputReader(new ByteArrayInputStream(new byte[0]));

    // The list's bad line would be the error if the list were read first.
    assertThatThrownBy(() -> reader.check(List.of(list.toString(), parquet.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(parquet + ": reading Parquet " + NEEDS);
  }

  @Test
  void aParquetInputByItsFormatOptionIsRefusedToo() throws Exception {
    Path file = Files.writeString(dir.resolve("photos.bin"), "not read");
    InputReader reader = new InputReader(new ByteArrayInputStream(new byte[0]),
        new InputOptions(InputFormat.PARQUET, "url", null, List.of(), null));

    assertThatThrownBy(() -> reader.read(List.of(file.toString()), e -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": reading Parquet " + NEEDS);
  }

  @Test
  void parquetMetadataCannotBeWritten() {
    assertThatThrownBy(() -> OutputLayout.Metadata.PARQUET.write(
        List.of(Map.of("key", "000000000")), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Parquet metadata " + NEEDS);
  }
}
