package dev.imgdl.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.config.BadOptionValues;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import dev.imgdl.testing.LocalSite;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The options the CLI shares with the Spark job refuse a bad value with the message of {@link
 * BadOptionValues}, word for word: the Spark job's test asserts the same lines.
 */
class SharedOptionMessagesTest {
  @RegisterExtension static LocalSite server = LocalSite.onLoopback();

  static Stream<Arguments> cases() {
    return Stream.of("thread", "process").flatMap(mode ->
        BadOptionValues.CASES.stream().map(c -> Arguments.of(mode, c)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void aBadSharedValueIsTheSameOneLineAsInTheSparkJob(String mode, BadOptionValues.Case bad) {
    server.stubFor(get("/ok.png").willReturn(aResponse().withBody(Images.png())));
    List<String> args = new ArrayList<>(List.of("--mode", mode));
    args.addAll(bad.args());
    args.addAll(List.of("-o", server.out().toString(),
        server.list(server.baseUrl() + "/ok.png").toString()));

    Cli.Outcome run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: " + ConsoleText.safe(bad.message())
        + (bad.parseError() ? " (see imgdl --help)" : "") + "\n");
    assertThat(server.getAllServeEvents()).isEmpty();
  }
}
