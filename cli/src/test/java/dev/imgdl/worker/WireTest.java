package dev.imgdl.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.result.Status;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
  private static final FetchSettings SETTINGS =
      new FetchSettings("/tmp/out dir", "ab12cd34", 2_000, 60_000, 1 << 20, 3, "imgdl/1 \"q\"",
          List.of("X-A: 1", "Accept: image/*"), true);

  private static Message roundTrip(Message m) throws IOException {
    String line = Wire.format(m);
    assertThat(line).doesNotContain("\n");
    return Wire.parse(line);
  }

  @Test
  void everyMessageTypeSurvivesTheTripUnchanged() throws IOException {
    assertThat(roundTrip(Message.start(3, SETTINGS, "DEBUG", true)))
        .isEqualTo(Message.start(3, SETTINGS, "DEBUG", true));
    Task task = new Task(7, "http://u:p@h/ü a.png?x=1", "a-12345678", null);
    assertThat(roundTrip(Message.task(task))).isEqualTo(Message.task(task));
    Result ok = new Result(7, Status.DOWNLOADED, "a.png", 123, "ab", "image/png", 200, 2, 3, 45,
        null);
    Result failed = Result.failed(8, 3, "HTTP 503 after 4 attempts");
    assertThat(roundTrip(Message.result(ok))).isEqualTo(Message.result(ok));
    assertThat(roundTrip(Message.result(failed))).isEqualTo(Message.result(failed));
    assertThat(roundTrip(Message.acquire(9, "example.org", 1500)))
        .isEqualTo(Message.acquire(9, "example.org", 1500));
    assertThat(roundTrip(Message.permit("grant", 9))).isEqualTo(Message.permit("grant", 9));
    assertThat(roundTrip(Message.done(1234, 5678))).isEqualTo(Message.done(1234, 5678));
    assertThat(roundTrip(Message.of("end"))).isEqualTo(Message.of("end"));
  }

  @Test
  void aLineThatIsNotAMessageIsRejectedWithItsText() {
    for (String garbage : List.of("hello", "", "[1,2]", "{\"v\":1}", "{\"type\":\"end\"}",
        "{\"v\":2,\"type\":\"end\"}", "{\"v\":1,\"type\":\"result\",\"result\":{\"index\":\"x\"}}",
        "{\"v\":1,\"type\":\"end\"} trailing")) {
      assertThatThrownBy(() -> Wire.parse(garbage), garbage).isInstanceOf(IOException.class);
    }
  }
}
