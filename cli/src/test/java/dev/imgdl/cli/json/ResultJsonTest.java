package dev.imgdl.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
  private static final Result FULL = Result.builder(7, Status.DOWNLOADED).file("a.png").bytes(123)
      .sha256("ab").contentType("image/png").httpStatus(200)
      .finalUrl("http://cdn.example.org/a.png").attempts(2).worker(3).millis(45)
      .error("HTTP 503 on http://me:secret@example.org/a.png").width(640).height(480)
      .originalWidth(1280).originalHeight(960).originalSha256("cd").build();

  private static String write(Result r, ResultJson.Form form) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartObject();
      ResultJson.writeFields(json, r, form);
      json.writeEndObject();
    }
    return text.toString();
  }

  @Test
  void aResultSurvivesThePipeFormUnchangedWithNullsAndWithout() throws IOException {
    Result planned = Result.planned(4, Status.INVALID, "not an absolute URL (no scheme)");
    for (Result r : new Result[] {FULL, planned, Result.failed(8, 3, "interrupted")}) {
      assertThat(ResultJson.read(JsonObject.parse(write(r, ResultJson.Form.PIPE))))
          .isEqualTo(r);
    }
  }

  @Test
  void everyFieldOfTheRecordCrossesThePipe() throws IOException {
    // Fails when a field is added to Result but not to ResultJson.
    JsonObject pipe = JsonObject.parse(write(FULL, ResultJson.Form.PIPE));
    for (RecordComponent field : Result.class.getRecordComponents()) {
      assertThat(pipe.has(field.getName())).as(field.getName()).isTrue();
    }
  }

  @Test
  void thePipeCarriesTheIndexAndTheExactErrorTheReportNeither() throws IOException {
    String pipe = write(FULL, ResultJson.Form.PIPE);
    String report = write(FULL, ResultJson.Form.REPORT);
    assertThat(pipe).startsWith("{\"index\":7,\"status\":\"downloaded\"")
        .contains("http://me:secret@example.org");
    assertThat(report).startsWith("{\"status\":\"downloaded\"").doesNotContain("index")
        .doesNotContain("secret").contains("\"error\":\"HTTP 503 on http://***@example.org");
    List<String> reportNames = new ArrayList<>();
    new ObjectMapper().readTree(report).fieldNames().forEachRemaining(reportNames::add);
    assertThat(reportNames).containsExactlyElementsOf(Arrays.stream(
        Result.class.getRecordComponents()).map(RecordComponent::getName)
        .filter(n -> !n.equals("index")).toList());
  }

  @Test
  void aMalformedResultIsRejectedNamingTheField() {
    assertThatThrownBy(() -> ResultJson.read(JsonObject.parse("{\"index\":\"x\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index");
    assertThatThrownBy(() -> ResultJson.read(JsonObject.parse(
        "{\"index\":1,\"status\":\"gone\",\"bytes\":0,\"attempts\":0,\"millis\":0}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
  }
}
