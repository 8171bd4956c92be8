package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.input.ExpectedHash.Algorithm;
import org.junit.jupiter.api.Test;

class ExpectedHashTest {
  private static final String MD5 = "0123456789abcdef0123456789abcdef";

  @Test
  void hexInAnyCaseWithBlanksAroundIsAHashAndBase64IsNot() {
    assertThat(ExpectedHash.parse(Algorithm.MD5, " 0123456789ABCDEF0123456789abcdef\t"))
        .isEqualTo(new ExpectedHash(Algorithm.MD5, MD5));
    assertThat(ExpectedHash.parse(Algorithm.MD5, "ASNFZ4mrze8BI0VniavN7w==")).isNull();
    assertThat(ExpectedHash.parse(Algorithm.SHA256, MD5)).isNull();
    assertThat(ExpectedHash.parse(Algorithm.MD5, MD5.replace('0', 'g'))).isNull();
  }

  @Test
  void aMismatchShowsTheAlgorithmAndShortPrefixesOfBoth() {
    ExpectedHash hash = new ExpectedHash(Algorithm.MD5, MD5);

    assertThat(hash.mismatch(MD5)).isNull();
    assertThat(hash.mismatch("ffffffffffffffffffffffffffffffff"))
        .isEqualTo("hash mismatch (md5: expected 0123456789ab…, got ffffffffffff…)");
  }

  @Test
  void theOptionNamesAColumnAndAnAlgorithmSha256ByDefault() {
    assertThat(HashColumn.parse("sum")).isEqualTo(new HashColumn("sum", Algorithm.SHA256));
    assertThat(HashColumn.parse("a:b:MD5")).isEqualTo(new HashColumn("a:b", Algorithm.MD5));
    assertThatThrownBy(() -> HashColumn.parse("a:b"))
        .hasMessage("--verify-hash a:b: unknown hash 'b' (sha256 or md5)");
  }

  @Test
  void theTextFormCrossesBack() {
    ExpectedHash hash = new ExpectedHash(Algorithm.MD5, MD5);

    assertThat(ExpectedHash.ofText(hash.text())).isEqualTo(hash);
    assertThat(hash.text()).isEqualTo("md5:" + MD5);
  }
}
