package dev.imgdl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code --any-type}, every tar member is named {@code KEY.EXT}: webdataset readers split
 * a member's name at its first dot, and drop a member that has none.
 */
class AnyTypeMemberTest {
  private final byte[] text = "plain text, not an image\n".getBytes(StandardCharsets.UTF_8);
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/doc", "HTTP/1.1 200 OK", List.of("Content-Type: text/plain"), text);
    server.respond("/pic", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), Images.png());
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aBodyOfNoImageTypeIsAMemberWithTheBinExtension(String mode) throws IOException {
    Path list = Cli.list(dir, "list.txt", List.of(server.url("/doc"), server.url("/pic")));
    Path out = dir.resolve("out");
    Cli.Outcome run = Cli.run("--mode", mode, "-q", "--any-type", "--output-format",
        "webdataset", "--metadata", "jsonl", "-o", out.toString(), "--report",
        dir.resolve("r.json").toString(), list.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Map<String, byte[]> members = TarMembers.read(out.resolve("00000.tar"));
    assertThat(members.keySet()).containsExactly("000000000.bin", "000000000.json",
        "000000001.png", "000000001.json");
    assertThat(members.get("000000000.bin")).isEqualTo(text);
    assertThat(Cli.readJson(dir.resolve("r.json")).get("results").get(0).get("file").asText())
        .isEqualTo("00000.tar/000000000.bin");
  }
}
