package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What -vvv shows of a header: credentials and cookie values never. */
class WireLogTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Authorization       | Basic dXNlcjpwYXNz              | Basic ***
      proxy-authorization | Bearer abc.def                  | Bearer ***
      Authorization       | opaque                          | ***
      Cookie              | a=1; b=two                      | a=***; b=***
      Set-Cookie          | sid=xyz; Path=/; HttpOnly       | sid=***; Path=/; HttpOnly
      Set-Cookie          | sid=xyz                         | sid=***
      Content-Type        | image/png                       | image/png
      """)
  void hidesCredentialsAndCookieValuesOnly(String name, String value, String shown) {
    assertThat(WireLog.shown(name, value)).isEqualTo(shown);
  }
}
