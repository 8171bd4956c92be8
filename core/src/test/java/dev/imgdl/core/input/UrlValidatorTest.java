package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlValidatorTest {

  @Test
  void acceptsHttpAndHttpsWithAHost() {
    assertThat(UrlValidator.check("http://example.org/a.jpg").host()).isEqualTo("example.org");
    assertThat(UrlValidator.check("HTTPS://Example.ORG:8443/a.jpg").port()).isEqualTo(8443);
    assertThat(UrlValidator.check("http://[::1]:8080/a.jpg").host()).isEqualTo("::1");
  }

  @Test
  void rejectsEverythingElseWithAReason() {
    assertReason("example.org/a.jpg", "no scheme");
    assertReason("ftp://example.org/a.jpg", "unsupported scheme 'ftp'");
    assertReason("file:///etc/passwd", "unsupported scheme 'file'");
    assertReason("http:/example.org/a.jpg", "missing //");
    assertReason("http:///a.jpg", "no host");
    assertReason("http://user@/a.jpg", "no host");
    assertReason("http://exa mple.org/a.jpg", "malformed");
    assertReason("http://example.org:99999/a.jpg", "malformed");
    assertReason("just some words", "no scheme");
  }

  private static void assertReason(String raw, String reason) {
    assertThatThrownBy(() -> UrlValidator.check(raw))
        .isInstanceOf(UrlValidator.InvalidUrlException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void duplicateKeyIgnoresSchemeAndHostCaseDefaultPortAndFragment() {
    String a = key("http://Example.org/a.jpg");
    assertThat(key("HTTP://EXAMPLE.ORG:80/a.jpg#top")).isEqualTo(a);
    assertThat(key("http://example.org/A.jpg")).isNotEqualTo(a);
    assertThat(key("https://example.org/a.jpg")).isNotEqualTo(a);
    assertThat(key("http://example.org:8080/a.jpg")).isNotEqualTo(a);
  }

  private static String key(String raw) {
    return UrlValidator.dedupKey(UrlValidator.check(raw));
  }
}
