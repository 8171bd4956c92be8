package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {
  /** SHA-256 of "abc", from FIPS 180-2. */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void aDigestFedInPiecesGivesTheStandardHashInLowercaseHex() {
    var digest = Sha256.digest();
    digest.update("a".getBytes(StandardCharsets.UTF_8));
    digest.update("bc".getBytes(StandardCharsets.UTF_8));
    assertThat(Sha256.hex(digest.digest())).isEqualTo(ABC);
  }

  @Test
  void aPrefixIsTheFirstBytesOfTheHashOfTheTextInUtf8() {
    assertThat(Sha256.hexPrefix("abc", 4)).isEqualTo("ba7816bf");
    assertThat(Sha256.hexPrefix("abc", 8)).isEqualTo(ABC.substring(0, 16));
    // UTF-8, not the platform's charset: "é" is two bytes.
    assertThat(Sha256.hexPrefix("é", 4)).isEqualTo(Sha256.hex(
        Sha256.digest().digest(new byte[] {(byte) 0xc3, (byte) 0xa9})).substring(0, 8));
  }
}
