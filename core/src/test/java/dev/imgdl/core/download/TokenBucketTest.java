package dev.imgdl.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The arithmetic of --limit-rate's budget; how it holds over a run is LimitRateTest's. */
class TokenBucketTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void eachReservationWaitsForEverythingReservedBeforeIt() {
    TokenBucket bucket = new TokenBucket(10_000);

    long first = bucket.reserve(10_000);
    long second = bucket.reserve(10_000);

    // A second's worth each, less the twentieth of a second that may go at once.
    assertThat(first).isBetween(SECOND / 2, SECOND - SECOND / 20);
    assertThat(second - first).isBetween(SECOND / 2, SECOND);
  }

  @Test
  void aSmallFirstReadGoesAtOnce() {
    assertThat(new TokenBucket(1 << 20).reserve(1024)).isZero();
  }

  @Test
  void readsAreATwentiethOfASecondBetweenOneAndSixtyFourKibibytes() {
    assertThat(new TokenBucket(512 * 1024).readSize()).isEqualTo(512 * 1024 / 20);
    assertThat(new TokenBucket(1024).readSize()).isEqualTo(1024);
    assertThat(new TokenBucket(1L << 30).readSize()).isEqualTo(64 * 1024);
  }
}
