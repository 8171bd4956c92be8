package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExcerptTest {
  @Test
  void aLongListShowsItsFirstNamesAndCountsTheRest() {
    List<String> names = IntStream.range(0, 40_000).mapToObj(i -> "c" + i).toList();
    assertThat(Excerpt.names(names))
        .isEqualTo("c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … and 39,990 more");
  }

  @Test
  void aShortListIsShownWhole() {
    assertThat(Excerpt.names(List.of("a", "b"))).isEqualTo("a, b");
  }

  @Test
  void aLongTextIsCutAndTheRestCounted() {
    String cut = Excerpt.text("x".repeat(300_000));
    assertThat(cut).startsWith("x".repeat(Excerpt.MAX_CHARS))
        .endsWith("… (299,800 more characters)")
        .hasSizeLessThan(Excerpt.MAX_CHARS + 40);
    assertThat(Excerpt.text("short")).isEqualTo("short");
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String text = "x".repeat(Excerpt.MAX_CHARS - 1) + "\uD83D\uDE00" + "tail";
    assertThat(Excerpt.text(text)).startsWith("x".repeat(Excerpt.MAX_CHARS - 1) + "…");
  }
}
