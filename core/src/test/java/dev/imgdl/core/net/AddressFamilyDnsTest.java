package dev.imgdl.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;

/** -4 and -6 keep the addresses of one IP version of what a name resolves to. */
class AddressFamilyDnsTest {
  private static final Dns BOTH = name -> List.of(address("127.0.0.1"), address("::1"));
  private static final Dns V4_ONLY = name -> List.of(address("127.0.0.1"));

  @Test
  void minusFourKeepsTheIpv4Addresses() throws Exception {
    assertThat(new AddressFamilyDns(BOTH, 4).lookup("example.test"))
        .containsExactly(address("127.0.0.1"));
  }

  @Test
  void minusSixKeepsTheIpv6Addresses() throws Exception {
    assertThat(new AddressFamilyDns(BOTH, 6).lookup("example.test"))
        .containsExactly(address("::1"));
  }

  @Test
  void aNameWithNoAddressOfTheVersionFailsSayingSo() {
    assertThatThrownBy(() -> new AddressFamilyDns(V4_ONLY, 6).lookup("example.test"))
        .isInstanceOf(AddressFamilyDns.NoAddressException.class)
        .hasMessage("no IPv6 address for example.test");
  }

  @Test
  void neitherVersionIsTheSystemsResolverUnfiltered() {
    assertThat(AddressFamilyDns.of(0)).isSameAs(Dns.SYSTEM);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
