package dev.imgdl.core.download;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.input.NamePlanner;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The happy path: every image format, its name on disk, its digest. */
class FetcherBasicTest extends FetcherTestCase {
  @RegisterExtension static WireMockExtension server = Downloads.server();

  @ParameterizedTest
  @EnumSource(ImageFormat.class)
  void savesEachImageFormatUnderTheExtensionItIsDetectedAs(ImageFormat format) throws Exception {
    byte[] body = Images.of(format);
    server.stubFor(get("/pic").willReturn(ok().withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/pic"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.error()).isNull();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.httpStatus()).isEqualTo(200);
    assertThat(result.file()).isEqualTo("pic." + format.extension());
    assertThat(result.bytes()).isEqualTo(body.length);
    assertThat(result.sha256()).isEqualTo(Images.sha256(body));
    assertThat(downloads.files()).containsExactly(result.file());
    assertThat(downloads.read(result.file())).isEqualTo(body);
  }

  @Test
  void keepsTheLowercasedExtensionOfTheUrlEvenForAnotherFormat() throws Exception {
    byte[] body = Images.of(ImageFormat.PNG);
    server.stubFor(get("/photos/Cat%20Photo.JPEG")
        .willReturn(ok().withHeader("Content-Type", "image/png").withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/photos/Cat%20Photo.JPEG"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo("Cat_Photo.jpeg");
    assertThat(result.contentType()).isEqualTo("image/png");
    assertThat(result.sha256()).isEqualTo(Images.sha256(body));
    assertThat(downloads.files()).containsExactly("Cat_Photo.jpeg");
  }

  @Test
  void namesAnUrlWithAQueryByItsHash() throws Exception {
    String url = Downloads.url(server, "/show?id=7");
    server.stubFor(get("/show?id=7").willReturn(ok().withBody(Images.of(ImageFormat.GIF))));

    Result result = downloads.fetch(url);

    String expected = "show-" + NamePlanner.sha256Prefix(url) + ".gif";
    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.file()).isEqualTo(expected);
    assertThat(downloads.files()).containsExactly(expected);
  }

  @Test
  void aDownloadReplacesAFileOfTheSameName() throws Exception {
    Files.writeString(dir.resolve("pic.png"), "old");
    byte[] body = Images.of(ImageFormat.PNG);
    server.stubFor(get("/pic.png").willReturn(ok().withBody(body)));

    Result result = downloads.fetch(Downloads.url(server, "/pic.png"));

    assertThat(result.status()).isEqualTo(Status.DOWNLOADED);
    assertThat(result.attempts()).isEqualTo(1);
    server.verify(1, getRequestedFor(urlEqualTo("/pic.png")));
    assertThat(downloads.files()).containsExactly("pic.png");
    assertThat(downloads.read("pic.png")).isEqualTo(body);
  }
}
