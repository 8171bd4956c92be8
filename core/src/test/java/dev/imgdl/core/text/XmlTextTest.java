package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
  @Test
  void controlCharactersAreShownAsTheConsoleShowsThem() {
    String hostile = "a\u001b]0;x\u0007\tb\nc\rd\u0000e\u007f\u009b\u202e";
    assertThat(XmlText.safe(hostile)).isEqualTo(ControlChars.escape(hostile))
        .isEqualTo("a\\x1b]0;x\\x07\\tb\\nc\\rd\\x00e\\x7f\\u009b\\u202e");
  }

  @Test
  void nonCharactersAndLoneSurrogatesAreShownAsEscapes() {
    assertThat(XmlText.safe("x\ufffey\uffffz")).isEqualTo("x\\ufffey\\uffffz");
    assertThat(XmlText.safe("a\ud800b")).isEqualTo("a\\ud800b");
    assertThat(XmlText.safe("a\udc00")).isEqualTo("a\\udc00");
    assertThat(XmlText.safe("\udc00\ud800")).isEqualTo("\\udc00\\ud800");
  }

  @Test
  void aValidPairAndOrdinaryTextStayAsTheyAre() {
    String text = "caf\u00e9 \ud83d\udcf7 <&\"]]>";
    assertThat(XmlText.safe(text)).isSameAs(text);
    assertThat(XmlText.safe("\ud800\ud83d\udcf7")).isEqualTo("\\ud800\ud83d\udcf7");
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = XmlText.safe("a\u0001\ud800\uffff");
    assertThat(XmlText.safe(once)).isEqualTo(once);
  }
}
