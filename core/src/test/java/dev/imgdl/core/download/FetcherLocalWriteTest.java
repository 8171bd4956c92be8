package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A failure to write locally is not a network error: it fails at once, and says so. */
class FetcherLocalWriteTest {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @TempDir Path tmp;

  @Test
  void missingOutputDirectoryFailsAtOnceWithoutRetrying() throws Exception {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png(500))));
    Path gone = tmp.resolve("gone");
    Files.createDirectory(gone);
    Downloads downloads = new Downloads(gone).retries(3);
    Files.delete(gone);

    Result result = downloads.fetch(Downloads.url(server, "/a.png"));

    assertThat(result.status()).isEqualTo(Status.FAILED);
    assertThat(result.error()).startsWith("cannot write in the output directory");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(Downloads.requests(server)).hasSize(1);
  }
}
