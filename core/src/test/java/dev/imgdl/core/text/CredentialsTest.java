package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "https://user:secret@example.org/a.jpg     | https://***@example.org/a.jpg",
    "https://user@example.org/a.jpg            | https://***@example.org/a.jpg",
    "http://u:p/ss@example.org/x.png           | http://***@example.org/x.png",
    "http://u:p?ss@example.org/x.png           | http://***@example.org/x.png",
    "http://u:p#ss@example.org/x.png           | http://***@example.org/x.png",
    "http://u:p@ss@example.org/x.png           | http://***@example.org/x.png",
    "http://u:p:ss@example.org/x.png           | http://***@example.org/x.png",
    "http://u:p\\s/s@example.org/x.png         | http://***@example.org/x.png",
    "http:/user:pw@example.org/x.png           | http:/***@example.org/x.png",
    "http:\\\\user:pw@example.org/x.png        | http:\\\\***@example.org/x.png",
    "http:////user:pw@example.org/x.png        | http:////***@example.org/x.png",
    "http:user:pw@example.org/x.png            | http:***@example.org/x.png",
    "user:pw@example.org/x.png                 | ***@example.org/x.png",
    "user:pw@example.org:8080                  | ***@example.org:8080",
    "user:pw@example.org                       | ***@example.org",
    "ftp:user:pw@example.org                   | ***@example.org",
    "//user:pw@example.org/x.png               | //***@example.org/x.png",
    "HTTPS://User:Pw@Example.org/x.png         | HTTPS://***@Example.org/x.png",
    "https://token@example.org/a@b.png         | https://***@example.org/a@b.png",
    "https://u:p@example.org/a@b.png           | https://***@b.png",
    "https://example.org/@user/pic.png         | https://example.org/@user/pic.png",
    "https://example.org/a@b.jpg               | https://example.org/a@b.jpg",
    "https://example.org/x.png?mail=a@b.org    | https://example.org/x.png?mail=a@b.org",
    "https://example.org/x.png                 | https://example.org/x.png",
    "not a url                                 | not a url",
  })
  void anyUserInformationIsHiddenHoweverMalformedTheLine(String line, String shown) {
    assertThat(Credentials.redact(line)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "mailto:a@b.c",
    "MAILTO:someone:else@example.org",
    "data:text/plain,user:pw@x",
    "urn:x:a@b",
    "mailto:a@b.c?subject=hi",
  })
  void anOpaqueUriHasNoAuthorityAndIsShownAsWritten(String line) {
    assertThat(Credentials.redact(line)).isEqualTo(line);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "user:pw@proxy.example:3128         | ***@proxy.example:3128",
    "http://user:pw@proxy.example:3128  | http://***@proxy.example:3128",
    "proxy.example:3128                 | proxy.example:3128",
  })
  void anAuthorityWithoutASchemeHasItsUserInformationHidden(String authority, String shown) {
    assertThat(Credentials.redactAuthority(authority)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "GET http://u:p@h/x.png -> 200                | GET http://***@h/x.png -> 200",
    "(see http:\\\\u:p/w@h/x.png)                 | (see http:\\\\***@h/x.png)",
    "url=http://u:p@h/x,next                      | url=http://***@h/x,next",
    "cannot fetch u:p@h/x.png: refused            | cannot fetch ***@h/x.png: refused",
    "at java.base@17.0.15/java.lang.Thread.run    | at java.base@17.0.15/java.lang.Thread.run",
    "mail me@example.org, or Foo@1a2b             | mail me@example.org, or Foo@1a2b",
    "two: http://a:b@h/1 http://c:d@h/2           | two: http://***@h/1 http://***@h/2",
  })
  void freeTextHasTheCredentialsOfEveryUrlInItHidden(String text, String shown) {
    assertThat(Credentials.redactWords(text)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "http://u:p/ss@example.org/x.png",
    "http:\\\\user:pw@example.org/x.png",
    "https://example.org/@user/pic.png",
  })
  void redactingTwiceChangesNothing(String line) {
    String once = Credentials.redact(line);
    assertThat(Credentials.redact(once)).isEqualTo(once);
    assertThat(Credentials.redactWords(once)).isEqualTo(once);
  }
}
