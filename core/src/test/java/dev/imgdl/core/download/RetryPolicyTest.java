package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.LongSummaryStatistics;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final int SAMPLES = 2_000;

  @Test
  void exactlyTheTransientStatusesAreRetryable() {
    Set<Integer> retryable = new HashSet<>();
    for (int status = 100; status < 600; status++) {
      if (RetryPolicy.retryable(status)) {
        retryable.add(status);
      }
    }
    assertThat(retryable).containsExactlyInAnyOrder(408, 425, 429, 500, 502, 503, 504, 522, 524);
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 301, 304, 400, 401, 403, 404, 410, 413, 451, 501, 505, 511})
  void permanentStatusesAreNotRetried(int status) {
    assertThat(RetryPolicy.retryable(status)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1,250", "2,500", "3,1000", "4,2000", "5,4000", "6,8000", "7,16000", "8,30000",
      "9,30000", "20,30000", "21,30000", "22,30000", "63,30000", "64,30000", "1000,30000",
      "2147483647,30000"})
  void backoffIsFullJitterUpToTheDoubledBaseCappedAt30Seconds(int attempt, long ceiling) {
    LongSummaryStatistics waits =
        IntStream.range(0, SAMPLES)
            .mapToLong(i -> RetryPolicy.backoffMillis(attempt))
            .summaryStatistics();

    assertThat(waits.getMin()).as("shortest wait").isBetween(0L, ceiling / 4);
    assertThat(waits.getMax()).as("longest wait").isBetween(ceiling * 3 / 4, ceiling);
  }

  @Test
  void backoffVariesFromOneCallToTheNext() {
    Set<Long> distinct = new HashSet<>();
    for (int i = 0; i < SAMPLES; i++) {
      distinct.add(RetryPolicy.backoffMillis(3));
    }
    // 2,000 draws from 1,001 values: a constant or a coarse step would give a handful.
    assertThat(distinct).hasSizeGreaterThan(500);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1,1000", "120,120000", "86400,86400000", "007,7000"})
  void retryAfterInSecondsIsConvertedToMillis(String value, long millis) {
    assertThat(RetryPolicy.retryAfterMillis(value, NOW)).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854776", "9223372036854775807", "99999999999999999999999"})
  void hugeRetryAfterMeansWaitForeverInsteadOfOverflowing(String value) {
    assertThat(RetryPolicy.retryAfterMillis(value, NOW)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void retryAfterAsAnHttpDateInTheFutureIsTheTimeUntilThen() {
    assertThat(RetryPolicy.retryAfterMillis("Wed, 25 Nov 2026 10:01:30 GMT", NOW))
        .isEqualTo(90_000);
    assertThat(RetryPolicy.retryAfterMillis("Thu, 26 Nov 2026 10:00:00 GMT", NOW))
        .isEqualTo(86_400_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wed, 25 Nov 2026 10:00:00 GMT", "Wed, 25 Nov 2026 09:59:59 GMT",
      "Tue, 24 Nov 2026 10:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"})
  void retryAfterAsAnHttpDateNowOrInThePastIsNoWait(String value) {
    assertThat(RetryPolicy.retryAfterMillis(value, NOW)).isZero();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "   ", "\t", "\r\n"})
  void absentOrBlankRetryAfterIsUnknown(String value) {
    assertThat(RetryPolicy.retryAfterMillis(value, NOW)).isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "-5", "+5", "1.5", "5s", "0x10", "1 2", "Wed, 25 Nov 2026",
      "2026-11-25T10:01:30Z", "Wed, 32 Nov 2026 10:00:00 GMT", "Wed, 25 Foo 2026 10:00:00 GMT"})
  void unreadableRetryAfterIsUnknown(String value) {
    assertThat(RetryPolicy.retryAfterMillis(value, NOW)).isEqualTo(-1);
  }

  @Test
  void whitespaceAroundRetryAfterIsIgnored() {
    assertThat(RetryPolicy.retryAfterMillis(" 5 ", NOW)).isEqualTo(5_000);
    assertThat(RetryPolicy.retryAfterMillis("\t30\r\n", NOW)).isEqualTo(30_000);
    assertThat(RetryPolicy.retryAfterMillis("  Wed, 25 Nov 2026 10:00:10 GMT ", NOW))
        .isEqualTo(10_000);
  }
}
