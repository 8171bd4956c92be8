package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.source.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages about inputs are in words and of bounded length, whatever the input holds. */
class InputMessagesTest {
  @TempDir Path dir;

  @Test
  void aHeaderOfManyColumnsWithoutTheUrlColumnIsListedUpToACap() throws IOException {
    String header = IntStream.range(0, 40_000).mapToObj(i -> "c" + i)
        .collect(Collectors.joining(","));
    Path csv = Files.write(dir.resolve("wide.csv"),
        (header + "\n" + "x,".repeat(39_999) + "x\n").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new InputReader(InputStream.nullInputStream())
        .check(List.of(csv.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(csv + ": no column \"url\" (columns: c0, c1, c2, c3, c4, c5, "
            + "c6, c7, c8, c9, … and 39,990 more)");
  }
}
