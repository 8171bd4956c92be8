package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.cli.process.child.ChildMain;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which system properties of the parent a child JVM gets on its command line. */
class NetworkPropertiesTest {
  @Test
  void networkPropertiesArePassedAndOthersAreNot() {
    Properties p = new Properties();
    p.setProperty("javax.net.ssl.trustStore", "/tmp/trust store.p12");
    p.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    p.setProperty("https.proxyHost", "proxy");
    p.setProperty("https.proxyPort", "3128");
    p.setProperty("http.nonProxyHosts", "localhost|*.lan");
    p.setProperty("jdk.tls.client.protocols", "TLSv1.3");
    p.setProperty("networkaddress.cache.ttl", "5");
    p.setProperty("http.agent", "not a network setting of ours");
    p.setProperty("java.home", "/jdk");
    p.setProperty("user.name", "me");

    assertThat(NetworkProperties.options(p)).containsExactly(
        "-Dhttp.nonProxyHosts=localhost|*.lan",
        "-Dhttps.proxyHost=proxy",
        "-Dhttps.proxyPort=3128",
        "-Djavax.net.ssl.trustStore=/tmp/trust store.p12",
        "-Djavax.net.ssl.trustStorePassword=changeit",
        "-Djdk.tls.client.protocols=TLSv1.3",
        "-Dnetworkaddress.cache.ttl=5");
  }

  @Test
  void aChildCommandCarriesThemBeforeItsOwnOptions() {
    System.setProperty("jdk.tls.namedGroups", "x25519");
    try {
      List<String> line = ChildCommand.of(List.of("-Xmx64m"));

      assertThat(line).containsSubsequence("-Djdk.tls.namedGroups=x25519", "-Xmx64m",
          ChildMain.class.getName());
    } finally {
      System.clearProperty("jdk.tls.namedGroups");
    }
  }
}
