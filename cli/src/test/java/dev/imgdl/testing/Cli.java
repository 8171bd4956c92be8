package dev.imgdl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.imgdl.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs imgdl in-process, the way a test wants it: captured streams and the exit code. */
public final class Cli {
  private Cli() {}

  /** What one run printed and returned. */
  public record Outcome(int exitCode, String stdout, String stderr) {
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(stdout);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static Outcome runWithStdin(String stdin, String... args) {
    return runWithEnv(Map.of(), stdin, args);
  }

  /** Runs with {@code env} as the environment (its proxy variables), the rest as above. */
  public static Outcome runWithEnv(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code =
          Main.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, env,
              args);
    }
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  public static Outcome run(String... args) {
    return runWithStdin("", args);
  }

  public static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the files in {@code dir}, sorted. */
  public static List<String> files(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a URL list file. */
  public static Path list(Path dir, String name, List<String> lines) {
    try {
      return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
