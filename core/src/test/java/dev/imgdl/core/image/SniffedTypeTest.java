package dev.imgdl.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guess a failure line shows beside the server's claim. */
class SniffedTypeTest {
  @ParameterizedTest(name = "{1}: [{0}]")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                      | EMPTY
      '<!DOCTYPE html><html>'                 | HTML
      '  <html><body>'                        | HTML
      '{"a": 1}'                              | JSON
      '\uFEFF [1]'                            | JSON
      '<?xml version="1.0"?><Error/>'         | XML
      '<Error><Code>AccessDenied</Code>'      | XML
      'Forbidden'                             | TEXT
      '%PDF-1.4'                              | PDF
      """)
  void tellsTextKindsApart(String body, SniffedType type) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(SniffedType.of(bytes, bytes.length)).isEqualTo(type);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"1f8b0800, GZIP", "504b0304, ZIP", "504b0506, ZIP", "00000100ff, UNKNOWN",
      "7b0000, UNKNOWN"})
  void tellsBinaryKindsApart(String hex, SniffedType type) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(SniffedType.of(bytes, bytes.length)).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"HTML, text/html, true", "HTML, image/png, false", "JSON, application/json, true",
      "JSON, application/problem+json, true", "XML, application/xml, true",
      "XML, image/svg+xml, true", "TEXT, text/plain, true", "TEXT, image/jpeg, false",
      "UNKNOWN, application/octet-stream, true", "EMPTY, image/gif, false",
      "GZIP, application/gzip, true", "ZIP, application/zip, true", "PDF, application/pdf, true"})
  void aClaimThatSaysWhatTheBodyIsIsNotRepeated(SniffedType type, String mime, boolean same) {
    assertThat(type.claimedBy(mime)).isEqualTo(same);
  }
}
