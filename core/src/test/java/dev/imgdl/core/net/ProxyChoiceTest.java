package dev.imgdl.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.config.Network;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which proxy for which URL, as curl and wget choose it. */
class ProxyChoiceTest {
  private static ProxyChoice choice(String http, String https, String all, String... noProxy) {
    return new ProxyChoice(new Network(http, https, all, List.of(noProxy), null, false), null);
  }

  private static String proxyOf(ProxyChoice choice, String url) {
    ProxyAddress proxy = choice.proxyFor(URI.create(url));
    return proxy == null ? null : proxy.toString();
  }

  @Test
  void eachSchemeUsesItsOwnProxy() {
    ProxyChoice c = choice("http://p1:3128", "p2:8080", null);

    assertThat(proxyOf(c, "http://img.example/a.png")).isEqualTo("p1:3128");
    assertThat(proxyOf(c, "https://img.example/a.png")).isEqualTo("p2:8080");
  }

  @Test
  void allProxyStandsInForASchemeWithoutItsOwn() {
    ProxyChoice c = choice(null, "p2:8080", "p3:9");

    assertThat(proxyOf(c, "http://img.example/a.png")).isEqualTo("p3:9");
    assertThat(proxyOf(c, "https://img.example/a.png")).isEqualTo("p2:8080");
  }

  @Test
  void aProxyWithoutPortUsesCurlsDefault1080() {
    assertThat(proxyOf(choice("proxy.lan", null, null), "http://a/x")).isEqualTo("proxy.lan:1080");
  }

  @Test
  void noProxyMatchesHostsDomainSuffixesWithOrWithoutDotAndAddresses() {
    ProxyChoice c = choice("p:1", "p:1", null, "example.org", ".example.net", "10.0.0.7",
        "Internal.LAN:8080", "[::1]");

    assertThat(proxyOf(c, "http://example.org/a")).isNull();
    assertThat(proxyOf(c, "https://img.example.org/a")).isNull();
    assertThat(proxyOf(c, "http://example.net/a")).isNull();
    assertThat(proxyOf(c, "http://a.b.example.net/a")).isNull();
    assertThat(proxyOf(c, "http://10.0.0.7/a")).isNull();
    assertThat(proxyOf(c, "http://internal.lan/a")).isNull();
    assertThat(proxyOf(c, "http://[::1]:8080/a")).isNull();
    assertThat(proxyOf(c, "http://notexample.org/a")).isEqualTo("p:1");
    assertThat(proxyOf(c, "http://10.0.0.70/a")).isEqualTo("p:1");
    assertThat(proxyOf(c, "http://example.com/a")).isEqualTo("p:1");
  }

  @Test
  void noProxyStarBypassesEveryHost() {
    ProxyChoice c = choice("p:1", "p:1", null, "*");

    assertThat(c.select(URI.create("https://anything.example/a")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void withoutAProxyOfItsOwnTheJdksChoiceStands() {
    Proxy jdk = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jdk", 1));
    ProxySelector fallback = new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(jdk);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, java.io.IOException ioe) {}
    };
    ProxyChoice c = new ProxyChoice(new Network("p:1", null, null, List.of("direct.example"),
        null, false), fallback);

    assertThat(c.select(URI.create("https://img.example/a"))).containsExactly(jdk);
    assertThat(c.select(URI.create("https://direct.example/a"))).containsExactly(Proxy.NO_PROXY);
    assertThat(c.select(URI.create("http://img.example/a")).get(0).address())
        .isEqualTo(InetSocketAddress.createUnresolved("p", 1));
  }

  @Test
  void credentialsAreReadButNeverShown() {
    ProxyAddress p = ProxyAddress.parse("http://us%40er:s3cr%3At@proxy:3128");

    assertThat(p.user()).isEqualTo("us@er");
    assertThat(p.password()).isEqualTo("s3cr:t");
    assertThat(p.toString()).isEqualTo("***@proxy:3128").doesNotContain("s3cr");
  }

  @Test
  void credentialsGoOnlyToTheProxyTheyCameWith() {
    ProxyChoice c = choice("http://u:p@p1:1", "p2:2", null);

    assertThat(c.withCredentials(InetSocketAddress.createUnresolved("p1", 1))).isNotNull();
    assertThat(c.withCredentials(InetSocketAddress.createUnresolved("p2", 2))).isNull();
  }

  @Test
  void anHttpsOrSocksProxyIsRefusedWithoutShowingItsCredentials() {
    assertThatThrownBy(() -> ProxyAddress.parse("socks5://u:secret@p:1"))
        .hasMessage("a socks5:// proxy is not supported: use an http:// proxy");
    assertThatThrownBy(() -> ProxyAddress.parse("http://u:secret@/"))
        .hasMessageNotContaining("secret");
  }
}
