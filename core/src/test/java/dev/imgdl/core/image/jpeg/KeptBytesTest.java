package dev.imgdl.core.image.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeptBytesTest {
  @Test
  void anArrayWithinTheLimitIsKeptAndLentAgainZeroed() {
    KeptBytes kept = new KeptBytes(16);
    byte[] first = kept.zeroed(12);
    first[3] = 7;
    first[11] = 9;

    byte[] second = kept.zeroed(10);

    assertThat(second).isSameAs(first);
    assertThat(second).startsWith(new byte[10]);
    assertThat(second[11]).as("past the length asked for").isEqualTo((byte) 9);
  }

  @Test
  void aLongerRequestGetsALongerArrayWhichIsKeptInstead() {
    KeptBytes kept = new KeptBytes(100);
    byte[] small = kept.any(10);

    byte[] large = kept.any(50);

    assertThat(large).isNotSameAs(small).hasSize(50);
    assertThat(kept.any(20)).isSameAs(large);
  }

  @Test
  void anArrayOverTheLimitIsLentOnceAndNotKept() {
    KeptBytes kept = new KeptBytes(16);
    byte[] small = kept.zeroed(8);

    byte[] huge = kept.zeroed(17);

    assertThat(huge).hasSize(17);
    assertThat(kept.zeroed(8)).isSameAs(small);
    assertThat(kept.zeroed(17)).isNotSameAs(huge);
  }

  @Test
  void anyLendsTheKeptArrayAsItWasLeft() {
    KeptBytes kept = new KeptBytes(16);
    kept.any(8)[5] = 42;

    assertThat(kept.any(8)[5]).isEqualTo((byte) 42);
  }
}
