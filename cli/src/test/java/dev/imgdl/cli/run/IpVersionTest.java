package dev.imgdl.cli.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * -4 and -6 against a server on 127.0.0.1 reached as {@code localhost}, which resolves to
 * 127.0.0.1 (and on some machines ::1 too): IPv4 reaches it, IPv6 finds no address, and the
 * children of process mode resolve as the parent says.
 */
class IpVersionTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  private final Path report = server.dir().resolve("report.json");

  @BeforeEach
  void serve() {
    server.stubFor(get("/a.png").willReturn(aResponse().withBody(Images.png())));
  }

  private String localhostUrl() {
    return "http://localhost:" + server.getPort() + "/a.png";
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void minusFourReachesAServerOnIpv4ByName(String mode) {
    Cli.Outcome run = Cli.run("--mode", mode, "-4", "-o", server.out().toString(), "--report",
        report.toString(), server.list(localhostUrl()).toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Cli.files(server.out())).containsExactly("a.png");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void minusSixFailsANameWithoutAnIpv6AddressOnceWithoutARequest(String mode) {
    Path list = server.list(localhostUrl());
    // Only where localhost has no IPv6 address, as here (127.0.0.1 in /etc/hosts alone).
    assumeTrue(!hasIpv6Localhost());

    Cli.Outcome run = Cli.run("--mode", mode, "-6", "--retries", "3", "-o",
        server.out().toString(), "--report", report.toString(), list.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode result = Cli.readJson(report).get("results").get(0);
    assertThat(result.get("error").asText()).isEqualTo("no IPv6 address for localhost");
    assertThat(result.get("attempts").asInt()).isEqualTo(1);
    assertThat(run.stderr()).contains(": no IPv6 address for localhost\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void minusFourWithMinusSixIsAUsageError() {
    Cli.Outcome run = Cli.run("-4", "-6", "-o", server.out().toString(),
        server.list(localhostUrl()).toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: -4 and -6 cannot be used together\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  private static boolean hasIpv6Localhost() {
    try {
      for (InetAddress a : InetAddress.getAllByName("localhost")) {
        if (a instanceof Inet6Address) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
