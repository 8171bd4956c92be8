package dev.imgdl.cli.process.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Bytes;
import dev.imgdl.cli.process.pipe.PipeMessage.BytesGrant;
import dev.imgdl.cli.process.pipe.PipeMessage.Cancel;
import dev.imgdl.cli.process.pipe.PipeMessage.ChunkEnd;
import dev.imgdl.cli.process.pipe.PipeMessage.Cookies;
import dev.imgdl.cli.process.pipe.PipeMessage.Deny;
import dev.imgdl.cli.process.pipe.PipeMessage.Done;
import dev.imgdl.cli.process.pipe.PipeMessage.End;
import dev.imgdl.cli.process.pipe.PipeMessage.Grant;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.ResultLine;
import dev.imgdl.cli.process.pipe.PipeMessage.Start;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Identity;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import org.junit.jupiter.api.Test;

class PipeCodecTest {
  private static final FetchSettings SETTINGS =
      FetchSettings.builder()
          .outputDir("/tmp/out dir")
          .runId("ab12cd34")
          .request(RequestSettings.builder()
              .timeoutMillis(2_000)
              .deadlineMillis(60_000)
              .maxSize(1 << 20)
              .retries(3)
              .userAgent("imgdl/1 \"q\"")
              .headers(List.of("X-A: 1", "Accept: image/*"))
              .anyType(true)
              .network(new Network("http://u:p@proxy:3128", "proxy2:8080", null,
                  List.of(".example.org", "10.0.0.1"), "/etc/ca dir/ca.pem", true))
              .build())
          .md5(true)
          .limitRate(500 * 1024)
          .identity(new Identity("/home/u/.netrc", "/home/u/cookies.txt", true))
          .build();
  private static final Cookie SESSION = new Cookie.Builder().name("sid").value("s3cr3t")
      .hostOnlyDomain("img.example.org").path("/a").secure().httpOnly().build();
  private static final Cookie LASTING = new Cookie.Builder().name("pref").value("x y")
      .domain("example.org").expiresAt(4102444800_000L).build();
  private static final Task TASK = new Task(7, "http://u:p@h/ü a.png?x=1", "a-12345678", null);
  private static final Task HASHED = new Task(8, "http://h/b.png", "b", "png",
      new ExpectedHash(ExpectedHash.Algorithm.MD5, "0123456789ABCDEF0123456789abcdef"));
  private static final Result OK =
      Result.builder(7, Status.DOWNLOADED).file("a.png").bytes(123).sha256("ab")
          .contentType("image/png").httpStatus(200).finalUrl("http://cdn.example.org/a.png")
          .attempts(2).worker(3).millis(45).build();
  private static final Result FAILED = Result.failed(8, 3, "HTTP 503 after 4 attempts");

  /** One of every kind of message, for both directions. */
  private static final List<PipeMessage> EVERY_KIND = List.of(
      new Start(List.of(3, 5), SETTINGS, "DEBUG", true), new TaskLine(5, TASK),
      new TaskLine(5, HASHED),
      new End(),
      new Cancel(), new Grant(9), new Deny(9), new ResultLine(OK), new ResultLine(FAILED),
      new Acquire(9, "example.org", 1500), new Started(9), new Release(9), new Bytes(4, 25_600),
      new BytesGrant(4, 12_345_678),
      new ChunkEnd(3, 4321), new Cookies(List.of(SESSION, LASTING)), new Cookies(List.of()),
      new Done(1234, 5678));

  /** Settings with every required value and the defaults. */
  private static FetchSettings small() {
    return small(smallRequest());
  }

  /** Settings with every required value, the defaults and these request values. */
  private static FetchSettings small(RequestSettings.Builder request) {
    return FetchSettings.builder().outputDir("/o").runId("id").request(request.build()).build();
  }

  private static RequestSettings.Builder smallRequest() {
    return RequestSettings.builder().timeoutMillis(1).deadlineMillis(1).maxSize(1).retries(0)
        .userAgent("ua");
  }

  private static PipeMessage roundTrip(PipeMessage m) throws IOException {
    String line = PipeCodec.format(m);
    assertThat(line).doesNotContain("\n");
    return PipeCodec.parse(line);
  }

  @Test
  void aResultFromAnEarlierRunCrossesThePipeAsOne() throws IOException {
    Result earlier = Result.earlier(9, Status.FAILED, null, 2, "HTTP 404");

    assertThat(((ResultLine) roundTrip(new ResultLine(earlier))).result()).isEqualTo(earlier);
    assertThat(((ResultLine) roundTrip(new ResultLine(OK))).result().resumed()).isFalse();
  }

  @Test
  void networkSettingsReachAChildAsTheParentHasThem() throws IOException {
    Start start = (Start) roundTrip(new Start(List.of(1), SETTINGS, "INFO", false));

    assertThat(start.settings().request().network()).isEqualTo(SETTINGS.request().network());
    Start direct = (Start) roundTrip(new Start(List.of(1), small(), "INFO", false));
    assertThat(direct.settings().request().network()).isEqualTo(Network.DEFAULT);
  }

  @Test
  void theOptOutListReachesAChildAsTheParentHasIt() throws IOException {
    FetchSettings custom = small(smallRequest().disallowedDirectives(List.of("notrain", "noai")));
    FetchSettings off = small(smallRequest().disallowedDirectives(List.of()));

    assertThat(((Start) roundTrip(new Start(List.of(1), custom, "INFO", false))).settings())
        .isEqualTo(custom);
    assertThat(((Start) roundTrip(new Start(List.of(1), off, "INFO", false))).settings()
        .request().disallowedDirectives()).isEmpty();
    assertThat(((Start) roundTrip(new Start(List.of(1), SETTINGS, "INFO", false))).settings()
        .request().disallowedDirectives()).isEqualTo(RequestSettings.DEFAULT_DISALLOWED);
  }

  @Test
  void theNetrcAndCookieFilesReachAChildAsTheParentNamesThem() throws IOException {
    Start start = (Start) roundTrip(new Start(List.of(1), SETTINGS, "INFO", false));

    assertThat(start.settings().identity()).isEqualTo(SETTINGS.identity());
    Start none = (Start) roundTrip(new Start(List.of(1), small(), "INFO", false));
    assertThat(none.settings().identity()).isEqualTo(Identity.NONE);
  }

  @Test
  void aChildsCookiesReachTheParentWholeAndAMalformedLineDoesNotShowThem() throws IOException {
    Cookies back = (Cookies) roundTrip(new Cookies(List.of(SESSION, LASTING)));

    assertThat(back.cookies()).containsExactly(SESSION, LASTING);
    assertThat(back.cookies().get(0).httpOnly()).isTrue();
    assertThat(back.toString()).doesNotContain("s3cr3t");
    String broken = "{\"v\":1,\"type\":\"cookies\",\"cookies\":[\"h\tFALSE\t/\tFALSE\t0\"]}";
    assertThatThrownBy(() -> PipeCodec.parse(broken))
        .hasMessage("not a message: a cookies line");
  }

  @Test
  void aMalformedStartLineDoesNotShowAProxyPassword() {
    String line = "{\"v\":1,\"type\":\"start\",\"settings\":{\"network\":"
        + "{\"httpProxy\":\"http://u:p@proxy:3128\"}}}";

    assertThatThrownBy(() -> PipeCodec.parse(line))
        .hasMessageStartingWith("not a message: ")
        .hasMessageContaining("proxy:3128")
        .hasMessageNotContaining("u:p@");
  }

  @Test
  void everyMessageTypeSurvivesTheTripUnchanged() throws IOException {
    for (PipeMessage m : EVERY_KIND) {
      assertThat(roundTrip(m)).isEqualTo(m);
    }
    List<Class<?>> kinds = new ArrayList<>();
    for (Class<?> side : PipeMessage.class.getPermittedSubclasses()) {
      kinds.addAll(List.of(side.getPermittedSubclasses()));
    }
    assertThat(EVERY_KIND).extracting(Object::getClass).containsAll(kinds);
  }

  @Test
  void aLineKeepsTheVersionAndTypeUpFrontAndTheExactErrorOfAResult() {
    Result secret = Result.failed(1, 0, "HTTP 401 on http://me:secret@example.org/a.png");
    assertThat(PipeCodec.format(new ResultLine(secret)))
        .startsWith("{\"v\":1,\"type\":\"result\",\"result\":{\"index\":1,")
        .contains("me:secret@");
    assertThat(PipeCodec.format(new Grant(9))).isEqualTo("{\"v\":1,\"type\":\"grant\",\"id\":9}");
  }

  @Test
  void aLineThatIsNotAMessageIsRejectedWithItsText() {
    for (String garbage : List.of("hello", "", "[1,2]", "{\"v\":1}", "{\"type\":\"end\"}",
        "{\"v\":2,\"type\":\"end\"}", "{\"v\":1,\"type\":\"result\",\"result\":{\"index\":\"x\"}}",
        "{\"v\":1,\"type\":\"end\"} trailing", "{\"v\":1,\"type\":\"bogus\"}",
        "{\"v\":1,\"type\":\"grant\"}", "{\"v\":1,\"type\":\"acquire\",\"id\":1}",
        // Workers that are not numbers, a chunk end without its peak, a task without its worker.
        "{\"v\":1,\"type\":\"start\",\"workers\":[\"a\"]}",
        "{\"v\":1,\"type\":\"chunkEnd\",\"worker\":1}",
        "{\"v\":1,\"type\":\"task\",\"task\":{\"index\":1,\"url\":\"u\",\"stem\":\"s\"}}")) {
      assertThatThrownBy(() -> PipeCodec.parse(garbage), garbage)
          .isInstanceOf(IOException.class)
          .hasMessage("not a message: " + garbage);
    }
  }

  @Test
  void aStartNamesItsWorkersAndATaskItsWorker() {
    assertThat(PipeCodec.format(new TaskLine(5, TASK)))
        .startsWith("{\"v\":1,\"type\":\"task\",\"worker\":5,\"task\":{\"index\":7,");
    assertThat(PipeCodec.format(new Start(List.of(0, 2, 4), SETTINGS, "INFO", false)))
        .startsWith("{\"v\":1,\"type\":\"start\",\"workers\":[0,2,4],\"settings\":{");
    assertThat(PipeCodec.format(new ChunkEnd(2, 99)))
        .isEqualTo("{\"v\":1,\"type\":\"chunkEnd\",\"worker\":2,\"peakRss\":99}");
  }

  @Test
  void aMessageForTheOtherSideIsRejected() throws IOException {
    String grant = PipeCodec.format(new Grant(9));
    assertThat(PipeCodec.parse(grant, ToChild.class)).isEqualTo(new Grant(9));
    assertThatThrownBy(() -> PipeCodec.parse(grant, ToParent.class))
        .isInstanceOf(IOException.class)
        .hasMessage("not a message: " + grant);
  }

  @Test
  void aBatchGoesOutOnTheNextSendAndLinesStayWhole() throws IOException {
    StringWriter pipe = new StringWriter();
    PipeWriter<ToChild> out = new PipeWriter<>(new BufferedWriter(pipe));
    out.queue(new Start(List.of(3), SETTINGS, "INFO", false));
    out.queue(new TaskLine(3, TASK));
    assertThat(pipe.toString()).isEmpty();
    out.send(new End());
    List<PipeMessage> lines = new ArrayList<>();
    for (String line : pipe.toString().lines().toList()) {
      lines.add(PipeCodec.parse(line, ToChild.class));
    }
    assertThat(lines).containsExactly(new Start(List.of(3), SETTINGS, "INFO", false),
        new TaskLine(3, TASK), new End());
  }
}
