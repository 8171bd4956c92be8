package dev.imgdl.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SavedColumnsTest {
  @Test
  void aSavedColumnNamedLikeAFixedOneGetsThePrefix() {
    assertThat(SavedColumns.names(List.of("status", "width2", "url"), MetadataRow.FIXED))
        .containsExactly("saved.status", "width2", "saved.url");
  }

  @Test
  void twoSavedColumnsThatWouldShareANameAreRefused() {
    assertThatThrownBy(() ->
        SavedColumns.names(List.of("status", "saved.status"), MetadataRow.FIXED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--save-cols: columns status and saved.status would both be saved as "
            + "saved.status; leave one out");
  }

  @Test
  void aColumnSavedTwiceIsRefused() {
    assertThatThrownBy(() -> SavedColumns.names(List.of("a", "b", "a"), MetadataRow.FIXED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--save-cols: column a is named twice");
  }
}
