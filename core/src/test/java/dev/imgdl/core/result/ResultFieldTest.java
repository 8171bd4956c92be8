package dev.imgdl.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResultFieldTest {
  /** Every field set to something other than its default. */
  static final Result FULL = Result.builder(7, Status.DOWNLOADED).file("a.png").bytes(123)
      .sha256("ab").contentType("image/png").httpStatus(200)
      .finalUrl("http://cdn:key@example.net/a.png").attempts(2).worker(3).millis(45)
      .error("HTTP 503 on http://me:secret@example.org/a.png").width(640).height(480)
      .originalWidth(1280).originalHeight(960).originalSha256("cd")
      .resumed(true).build();

  @Test
  void everyComponentOfResultButItsIndexIsAFieldInTheRecordsOrder() {
    assertThat(Arrays.stream(ResultField.values()).map(ResultField::label))
        .containsExactlyElementsOf(Arrays.stream(Result.class.getRecordComponents())
            .map(RecordComponent::getName).filter(n -> !n.equals("index")).toList());
  }

  @Test
  void aCopyKeepsEveryFieldAndChangesOnlyWhatItSets() {
    assertThat(FULL.toBuilder().build()).isEqualTo(FULL);
    Result moved = FULL.toBuilder().file("b.png").build();
    assertThat(moved.file()).isEqualTo("b.png");
    assertThat(moved).usingRecursiveComparison().ignoringFields("file").isEqualTo(FULL);
  }

  @Test
  void onlyThePipeCarriesTheCredentialsOfAUrlInTheError() {
    assertThat(ResultField.ERROR.value(FULL, ResultField.Output.PIPE))
        .isEqualTo("HTTP 503 on http://me:secret@example.org/a.png");
    for (ResultField.Output shown : new ResultField.Output[] {ResultField.Output.REPORT,
        ResultField.Output.METADATA, ResultField.Output.SPARK}) {
      assertThat(ResultField.ERROR.value(FULL, shown))
          .isEqualTo("HTTP 503 on http://***@example.org/a.png");
    }
  }

  @Test
  void onlyThePipeCarriesTheCredentialsOfTheFinalUrl() {
    assertThat(ResultField.FINAL_URL.value(FULL, ResultField.Output.PIPE))
        .isEqualTo("http://cdn:key@example.net/a.png");
    for (ResultField.Output shown : new ResultField.Output[] {ResultField.Output.REPORT,
        ResultField.Output.METADATA, ResultField.Output.SPARK}) {
      assertThat(ResultField.FINAL_URL.value(FULL, shown))
          .isEqualTo("http://***@example.net/a.png");
    }
  }

  @Test
  void theMetadataAndSparkResultsHoldWhatDescribesTheImageNotHowItWasFetched() {
    assertThat(ResultField.in(ResultField.Output.METADATA)).extracting(ResultField::label)
        .containsExactly("status", "bytes", "sha256", "contentType", "finalUrl", "error",
            "width", "height", "originalWidth", "originalHeight", "originalSha256");
    assertThat(ResultField.in(ResultField.Output.SPARK)).extracting(ResultField::label)
        .containsExactly("status", "bytes", "sha256", "contentType", "finalUrl", "millis",
            "error", "width", "height", "originalWidth", "originalHeight", "originalSha256");
  }
}
