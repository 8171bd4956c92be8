package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void splitsLinesAsAShellDoesAndSkipsCommentsAndBlankLines() {
    ConfigFile file = ConfigFile.parse("rc", String.join("\n",
        "# a comment",
        "",
        "--rate 2",
        "  -H \"Referer: https://x/\"   # the site wants it",
        "--retries=5",
        "--overwrite",
        "--user-agent 'my bot' ",
        "--user-agent my\\ bot \"a \\\"quoted\\\" \\n\" a#b"));

    assertThat(file.lines()).extracting(ConfigFile.Line::number).containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(file.lines()).extracting(ConfigFile.Line::words).containsExactly(
        List.of("--rate", "2"),
        List.of("-H", "Referer: https://x/"),
        List.of("--retries=5"),
        List.of("--overwrite"),
        List.of("--user-agent", "my bot"),
        List.of("--user-agent", "my bot", "a \"quoted\" \\n", "a#b"));
  }

  @Test
  void anUnclosedQuoteNamesFileAndLine() {
    assertThatThrownBy(() -> ConfigFile.parse("rc", "--rate 2\r\n-H 'Referer: x"))
        .isInstanceOf(ConfigException.class).hasMessage("rc:2: unclosed '");
  }

  @Test
  void aFileThatCannotBeReadIsNamed() throws Exception {
    assertThatThrownBy(() -> ConfigFile.read(dir.resolve("none"), "none"))
        .isInstanceOf(ConfigException.class).hasMessage("config file none: no such file");
    assertThatThrownBy(() -> ConfigFile.read(dir, "dir"))
        .hasMessage("config file dir: not a regular file");
    Path bytes = Files.write(dir.resolve("bin"), new byte[] {'-', (byte) 0xff});
    assertThatThrownBy(() -> ConfigFile.read(bytes, "bin"))
        .hasMessage("config file bin: not UTF-8 text");
  }
}
