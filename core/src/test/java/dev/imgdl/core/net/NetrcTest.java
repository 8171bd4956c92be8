package dev.imgdl.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class NetrcTest {
  private static final String FILE = String.join("\n",
      "# logins for the image hosts",
      "machine img.example.org login alice password \"s3cret word\"",
      "machine IMG.example.org login bob password second",
      "macdef init",
      "  cd /pub",
      "  machine evil.example login x password y",
      "",
      "machine other.example",
      "  login carol",
      "  account ignored",
      "  password \"q\\\"uote\\\\\"",
      "default login anonymous password guest");

  private final Netrc netrc = Netrc.parse("netrc", FILE);

  @Test
  void theFirstMachineOfTheHostWinsInAnyCase() {
    assertThat(netrc.find("img.example.org", null))
        .isEqualTo(new Netrc.Login("alice", "s3cret word"));
    assertThat(netrc.find("Img.Example.Org", "bob")).isEqualTo(new Netrc.Login("bob", "second"));
    assertThat(netrc.find("other.example", null)).isEqualTo(new Netrc.Login("carol", "q\"uote\\"));
  }

  @Test
  void defaultAppliesOnlyWhenNoMachineNamesTheHost() {
    assertThat(netrc.find("elsewhere.example", null))
        .isEqualTo(new Netrc.Login("anonymous", "guest"));
    assertThat(netrc.find("img.example.org", "dave")).isNull();
  }

  @Test
  void aMacroIsSkippedToItsBlankLine() {
    assertThat(netrc.find("evil.example", null)).isEqualTo(new Netrc.Login("anonymous", "guest"));
  }

  @Test
  void syntaxErrorsNameFileAndLineButNeverThePassword() {
    assertThatThrownBy(() -> Netrc.parse("n", "machine a\nlogin b\npassword"))
        .isInstanceOf(ConfigException.class).hasMessage("n:3: password without a value");
    assertThatThrownBy(() -> Netrc.parse("n", "\nlogin b password c"))
        .hasMessage("n:2: login before any machine or default");
    assertThatThrownBy(() -> Netrc.parse("n", "machine a login b\n passwd hunter2"))
        .hasMessage("n:2: unexpected word (expected machine, default, login, password, account "
            + "or macdef)");
    assertThatThrownBy(() -> Netrc.parse("n", "machine a password \"hunter2"))
        .hasMessage("n:1: unclosed \"");
  }

  @Test
  void aLoginNeverPrintsItsPassword() {
    assertThat(new Netrc.Login("u", "hunter2").toString()).doesNotContain("hunter2");
  }
}
