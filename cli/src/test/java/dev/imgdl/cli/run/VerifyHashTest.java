package dev.imgdl.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.cli.output.TarMembers;
import dev.imgdl.testing.CannedHttpServer;
import dev.imgdl.testing.Cli;
import dev.imgdl.testing.Images;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --verify-hash}: in both modes, a body whose SHA-256 or MD5 is not the one its row names
 * fails with {@code hash mismatch} and leaves no file and no shard member, a row that cannot be
 * checked is invalid, a checked entry is verified too; a list, a missing column and an unknown
 * algorithm are refused before anything is fetched.
 */
class VerifyHashTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final byte[] png = Images.png();
  private final byte[] jpeg = Images.jpeg();
  @RegisterExtension final CannedHttpServer server = CannedHttpServer.start();

  @TempDir Path dir;

  @BeforeEach
  void serve() {
    server.respond("/a.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
    server.respond("/b.jpg", "HTTP/1.1 200 OK", List.of("Content-Type: image/jpeg"), jpeg);
    server.respond("/c.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
    server.respond("/d.png", "HTTP/1.1 200 OK", List.of("Content-Type: image/png"), png);
  }

  /**
   * Rows: a's hash in upper case (matches), b with a's hash (mismatch), c with an empty cell, d
   * with a hash of the other algorithm's length.
   */
  private Path table(String algorithm) throws IOException {
    String right = digest(algorithm, png).toUpperCase(Locale.ROOT);
    String wrongLength = algorithm.equals("MD5") ? digest("SHA-256", png) : digest("MD5", png);
    return Files.writeString(dir.resolve("data.csv"), "url,h\n"
        + server.url("/a.png") + "," + right + "\n"
        + server.url("/b.jpg") + "," + right + "\n"
        + server.url("/c.png") + ",\n"
        + server.url("/d.png") + "," + wrongLength + "\n", StandardCharsets.UTF_8);
  }

  private Cli.Outcome run(String mode, String... more) {
    List<String> args = new ArrayList<>(List.of("--mode", mode, "-w", "2", "--report", "-"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aSha256MismatchFailsAndSavesNothingAndARowWithoutAHashIsInvalid(String mode)
      throws IOException {
    Path out = dir.resolve("out");
    Cli.Outcome run = run(mode, "-o", out.toString(), "--verify-hash", "h",
        table("SHA-256").toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode results = run.json().get("results");
    assertThat(statuses(results)).containsExactly("downloaded", "failed", "invalid", "invalid");
    String expected = digest("SHA-256", png).substring(0, 12);
    String got = digest("SHA-256", jpeg).substring(0, 12);
    assertThat(results.get(1).get("error").asText())
        .isEqualTo("hash mismatch (sha256: expected " + expected + "…, got " + got + "…)");
    assertThat(results.get(1).get("file").isNull()).isTrue();
    assertThat(results.get(1).get("attempts").asInt()).as("not retried").isEqualTo(1);
    assertThat(results.get(2).get("error").asText())
        .isEqualTo("no sha256 hash (column \"h\" is empty)");
    assertThat(results.get(3).get("error").asText())
        .startsWith("not a sha256 hash: column \"h\" holds \"")
        .endsWith("\" (64 hex digits expected)");
    assertThat(Cli.files(out)).as("only the verified body, no temporary file")
        .containsExactly("a.png");
    assertThat(server.requests("/b.jpg")).isEqualTo(1);
    assertThat(server.requests("/c.png")).as("an invalid row is not fetched").isZero();
    assertThat(run.stderr()).contains("data.csv:3 " + server.url("/b.jpg") + ": hash mismatch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void anMd5IsComputedWhenAskedAndAMismatchHasTheHashMismatchKind(String mode)
      throws IOException {
    Path out = dir.resolve("out");
    Path junit = dir.resolve("junit.xml");
    Cli.Outcome run = run(mode, "-o", out.toString(), "--verify-hash", "h:MD5",
        "--junit", junit.toString(), table("MD5").toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode results = run.json().get("results");
    assertThat(statuses(results)).containsExactly("downloaded", "failed", "invalid", "invalid");
    assertThat(results.get(1).get("error").asText()).isEqualTo("hash mismatch (md5: expected "
        + digest("MD5", png).substring(0, 12) + "…, got " + digest("MD5", jpeg).substring(0, 12)
        + "…)");
    assertThat(results.get(3).get("error").asText()).startsWith("not an md5 hash");
    assertThat(Cli.files(out)).containsExactly("a.png");
    assertThat(Files.readString(junit)).contains("type=\"hash-mismatch\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aMismatchIsNoShardMemberButAMetadataRowLikeAnyFailure(String mode) throws IOException {
    Path out = dir.resolve("out");
    Cli.Outcome run = run(mode, "-o", out.toString(), "--verify-hash", "h",
        "--output-format", "webdataset", "--metadata", "jsonl", table("SHA-256").toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    assertThat(TarMembers.read(out.resolve("00000.tar")).keySet())
        .containsExactly("000000000.png", "000000000.json");
    List<String> rows = Files.readAllLines(out.resolve("00000.jsonl"));
    assertThat(rows).hasSize(4);
    JsonNode mismatch = JSON.readTree(rows.get(1));
    assertThat(mismatch.get("status").asText()).isEqualTo("failed");
    assertThat(mismatch.get("error").asText()).startsWith("hash mismatch (sha256: expected ");
    assertThat(Cli.files(out)).noneMatch(name -> name.startsWith(".imgdl-"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thread", "process"})
  void aCheckVerifiesTheHashOfEveryBodyItChecks(String mode) throws IOException {
    Path table = table("SHA-256");
    Cli.Outcome run = Cli.runWithStdin("", "--mode", mode, "-w", "2", "--check", "--report", "-",
        "--verify-hash", "h", table.toString());

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
    JsonNode results = run.json().get("results");
    assertThat(statuses(results)).containsExactly("checked", "failed", "invalid", "invalid");
    assertThat(results.get(1).get("error").asText()).startsWith("hash mismatch");
    assertThat(Cli.files(dir)).containsExactly("data.csv");
  }

  @Test
  void aListInputIsRefusedInOneLine() throws IOException {
    Path list = Cli.list(dir, "urls.txt", List.of(server.url("/a.png")));
    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), "--verify-hash", "h",
        list.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("imgdl: error: --verify-hash needs a table (csv, tsv, "
        + "jsonl or parquet): " + list + " is read as a list of URLs\n");
    assertThat(server.requests("/a.png")).isZero();
  }

  @Test
  void aMissingColumnIsRefusedAsAMissingUrlColumnIs() throws IOException {
    Path table = table("SHA-256");
    Cli.Outcome run = Cli.run("-o", dir.resolve("out").toString(), "--verify-hash", "sha:md5",
        table.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr())
        .isEqualTo("imgdl: error: " + table + ": no column \"sha\" (columns: url, h)\n");
    assertThat(server.requests("/a.png")).isZero();
  }

  @Test
  void anUnknownAlgorithmIsRefusedInOneLine() throws IOException {
    Cli.Outcome run = Cli.run("--verify-hash", "h:sha1", table("SHA-256").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo(
        "imgdl: error: --verify-hash h:sha1: unknown hash 'sha1' (sha256 or md5)\n");
  }

  private static List<String> statuses(JsonNode results) {
    List<String> statuses = new ArrayList<>();
    results.forEach(r -> statuses.add(r.get("status").asText()));
    return statuses;
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
