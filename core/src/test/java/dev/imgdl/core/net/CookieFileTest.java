package dev.imgdl.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieFileTest {
  @TempDir Path dir;

  private static final String FILE = String.join("\n",
      "# Netscape HTTP Cookie File",
      "",
      ".example.org\tTRUE\t/\tFALSE\t0\tsession\tall",
      "img.example.org\tFALSE\t/private\tTRUE\t4102444800\tsecure\tpriv",
      "#HttpOnly_.example.org\tTRUE\t/\tFALSE\t4102444800\thttponly\th",
      "example.org\tTRUE\t/\tFALSE\t1\told\texpired");

  private List<Cookie> read() throws Exception {
    return CookieFile.read(Files.writeString(dir.resolve("cookies.txt"), FILE), "cookies.txt");
  }

  @Test
  void readsEveryFieldAndTheHttpOnlyPrefix() throws Exception {
    List<Cookie> cookies = read();

    assertThat(cookies).extracting(Cookie::name)
        .containsExactly("session", "secure", "httponly", "old");
    assertThat(cookies.get(0).persistent()).isFalse();
    assertThat(cookies.get(0).hostOnly()).isFalse();
    assertThat(cookies.get(1).hostOnly()).isTrue();
    assertThat(cookies.get(1).secure()).isTrue();
    assertThat(cookies.get(1).path()).isEqualTo("/private");
    assertThat(cookies.get(1).expiresAt()).isEqualTo(4102444800_000L);
    assertThat(cookies.get(2).httpOnly()).isTrue();
  }

  @Test
  void aStoreSendsCookiesByDomainPathSecureAndExpiry() throws Exception {
    CookieStore store = new CookieStore(read());

    assertThat(names(store, "http://img.example.org/a.png")).containsExactly("session", "httponly");
    assertThat(names(store, "https://img.example.org/private/a.png"))
        .containsExactly("session", "secure", "httponly");
    assertThat(names(store, "https://cdn.img.example.org/private/a.png"))
        .containsExactly("session", "httponly");
    assertThat(names(store, "http://example.com/")).isEmpty();
  }

  @Test
  void writesLinesThatReadBackAsTheSameCookies() throws Exception {
    for (Cookie cookie : read().subList(0, 3)) {
      assertThat(CookieFile.parse(CookieFile.format(cookie))).isEqualTo(cookie);
    }
    assertThat(CookieFile.format(read().get(2)))
        .isEqualTo("#HttpOnly_.example.org\tTRUE\t/\tFALSE\t4102444800\thttponly\th");
  }

  @Test
  void aMalformedLineNamesFileAndLineButNotTheValue() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.txt"),
        "# x\nexample.org\tMAYBE\t/\tFALSE\t0\tn\tsecretvalue\n");
    Path few = Files.writeString(dir.resolve("few.txt"), "example.org TRUE / FALSE 0 n v\n");

    assertThatThrownBy(() -> CookieFile.read(bad, "bad.txt")).isInstanceOf(ConfigException.class)
        .hasMessage("bad.txt:2: not a cookie (include subdomains is neither TRUE nor FALSE)");
    assertThatThrownBy(() -> CookieFile.read(few, "few.txt"))
        .hasMessage("few.txt:1: not a cookie (7 fields separated by tabs expected, found 1)");
  }

  private static List<String> names(CookieStore store, String url) {
    return store.loadForRequest(HttpUrl.get(url)).stream().map(Cookie::name).toList();
  }
}
