package dev.imgdl.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.download.OptOut;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FailureKindTest {
  private static Result failed(String error) {
    return Result.failed(0, 0, error);
  }

  /** Every failure message docs/spec.md lists, and the others the core writes, by kind. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      HTTP 404                                                        | http
      HTTP 503 after 4 attempts                                       | http
      HTTP 429: Retry-After 10m is beyond the deadline 5m             | http
      timeout after 2s                                                | timeout
      timeout after 2s after 4 attempts                               | timeout
      connect timeout after 30s                                       | timeout
      deadline 5s exceeded                                            | deadline
      deadline 5s exceeded (HTTP 503 after 2 attempts)                | deadline
      deadline 5m exceeded waiting for a slot on the host             | deadline
      not an image (text/html)                                        | not-an-image
      not an image (body is empty)                                    | not-an-image
      not an image (body is unrecognized data)                        | not-an-image
      not an image (server said image/jpeg, body is HTML)             | not-an-image
      too large (> 1 MiB)                                             | too-large
      too small: 12x40 (min 64)                                       | filtered
      too large: 9000x9000 (max area 40000000)                        | filtered
      aspect ratio 5.20: 1300x250 (max 3)                             | filtered
      cannot decode svg                                               | resize
      cannot decode jpg: Unsupported JPEG process                     | resize
      cannot decode: not an image                                     | resize
      too many pixels to decode: 40000x40000 (max 89478485)           | resize
      too many pixels to encode: 40960000x4096 (max 10000000)         | resize
      redirect loop                                                   | redirect
      too many redirects (> 10)                                       | redirect
      redirect to a URL that is not http(s)                           | redirect
      HTTP 302 without a Location                                     | redirect
      connection refused                                              | connection
      no IPv6 address for localhost                                   | connection
      connection refused after 4 attempts                             | connection
      connection error: unexpected end of stream on http://h/...      | connection
      unknown host nowhere.invalid                                    | connection
      interrupted                                                     | interrupted
      worker 3 exited with code 137                                   | worker
      worker 3 sent nothing for 310s and was killed                   | worker
      worker 0 could not start: Cannot run program                    | worker
      bad response: conflicting Content-Length headers (69, 10)       | bad-response
      bad response: invalid Content-Length (-5)                       | bad-response
      opted out (X-Robots-Tag: noai)                                  | opted-out
      hash mismatch (md5: expected 1a2b3c4d5e6f…, got 0f0e0d0c0b0a…)  | hash-mismatch
      certificate not trusted (self-signed): use --cacert FILE, or --insecure   | tls
      certificate not trusted (unknown issuer): use --cacert FILE, or --insecure | tls
      certificate expired                                             | tls
      certificate not yet valid                                       | tls
      certificate revoked                                             | tls
      host name does not match the certificate (it is for a.example)  | tls
      TLS error: Received fatal alert: handshake_failure              | tls
      cannot read the --cacert file: java.nio.file.NoSuchFileException | tls
      cannot write a.png: No space left on device                     | output
      cannot write in the output directory: Permission denied         | output
      cannot write 00001.tar: No space left on device                 | output
      something nobody foresaw                                        | error
      """)
  void eachFailureMessageHasItsKind(String error, String kind) {
    assertThat(FailureKind.of(failed(error)).label()).isEqualTo(kind);
  }

  @Test
  void theOptOutPrefixIsTheOneTheCoreWrites() {
    assertThat(FailureKind.of(failed(OptOut.ERROR_PREFIX + "noindex)")))
        .isEqualTo(FailureKind.OPTED_OUT);
  }

  @Test
  void anInvalidEntryIsOfKindInvalidWhateverItsReason() {
    assertThat(FailureKind.of(Result.planned(0, Status.INVALID, "HTTP 404 no host")))
        .isEqualTo(FailureKind.INVALID);
  }

  @ParameterizedTest
  @EnumSource(value = Status.class, names = {"DOWNLOADED", "SKIPPED", "DUPLICATE"})
  void whatIsNeitherFailedNorInvalidHasNoKind(Status status) {
    assertThat(FailureKind.of(Result.planned(0, status, "duplicate of a.txt:1"))).isNull();
  }

  @Test
  void aFailureWithoutAnErrorIsOfKindError() {
    assertThat(FailureKind.of(failed(null))).isEqualTo(FailureKind.ERROR);
  }

  @Test
  void labelsAreLowerCaseWordsWithHyphensAndOneEach() {
    assertThat(Arrays.stream(FailureKind.values()).map(FailureKind::label))
        .allMatch(label -> label.matches("[a-z]+(-[a-z]+)*"))
        .doesNotHaveDuplicates();
  }
}
