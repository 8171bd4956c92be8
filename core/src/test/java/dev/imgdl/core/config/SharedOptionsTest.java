package dev.imgdl.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.image.transform.TransformSettings;
import dev.imgdl.core.input.InputOptions;
import dev.imgdl.core.input.TableInputOptions;
import dev.imgdl.core.source.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The options both front ends share, parsed as picocli mixins the way each front end holds them:
 * their defaults, the edges they accept and, for each bad value, the one message.
 */
class SharedOptionsTest {
  @Command(name = "probe")
  static final class Probe {
    @Mixin RunOptions run = new RunOptions();
    @Mixin FetchOptions fetch = new FetchOptions();
    @Mixin TableInputOptions table = new TableInputOptions();
    @Mixin TransformOptions images = new TransformOptions();

    void check() {
      run.check();
      fetch.check();
      table.input();
      images.check();
    }
  }

  private static Probe parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe;
  }

  @Test
  void theDefaultsAreTheContractsOnes() {
    Probe p = parse();

    assertThat(p.run.workers()).isEqualTo(8);
    assertThat(p.run.perHost()).isEqualTo(16);
    assertThat(p.run.rate()).isZero();
    assertThat(p.run.minSuccess()).isEqualTo(1);
    assertThat(p.fetch.retries()).isEqualTo(3);
    assertThat(p.fetch.timeoutMillis()).isEqualTo(30_000);
    assertThat(p.fetch.deadlineMillis()).isEqualTo(300_000);
    assertThat(p.fetch.maxSize()).isEqualTo(50L << 20);
    assertThat(p.fetch.userAgent("1.2")).isEqualTo("imgdl/1.2");
    assertThat(p.table.input()).isEqualTo(InputOptions.DEFAULT);
    assertThat(p.table.disallowedDirectives()).isEqualTo(RequestSettings.DEFAULT_DISALLOWED);
    assertThat(p.images.settings()).as("bodies as downloaded, nothing read again").isNull();
  }

  @Test
  void resizeTakesImg2datasetsDefaultsAndTheFiltersAloneDecodeNothing() {
    TransformSettings resize = parse("--resize", "256").images.settings();
    TransformSettings filters = parse("--min-image-size", "64").images.settings();

    assertThat(resize).isEqualTo(TransformSettings.builder().size(256).build());
    assertThat(resize.shape()).isEqualTo("--resize 256 --resize-mode border --encode-format jpg "
        + "--encode-quality 95");
    assertThat(filters.decodes()).isFalse();
    assertThat(filters.minImageSize()).isEqualTo(64);
    assertThat(filters.shape()).isNull();
    assertThat(parse("--resize", "16384", "--encode-format", "PNG", "--max-decode-pixels",
        "2147483647", "--max-aspect-ratio", "1").images.settings().shape())
        .isEqualTo("--resize 16384 --resize-mode border --encode-format png");
  }

  @Test
  void theEdgesOfEveryBoundAreAccepted() {
    Probe low = parse("-w", "1", "--per-host", "0", "--retries", "0", "--timeout", "1ms",
        "--deadline", "1ms", "--max-size", "1", "--rate", "0.001", "--min-success", "0");
    Probe high = parse("-w", "256", "--per-host", "100000", "--retries", "100", "--timeout",
        "24h", "--deadline", "24h", "--max-size", "1024G", "--rate", "1000000",
        "--min-success", "1", "--user-agent", "bot\t1.0");

    low.check();
    high.check();
    assertThat(high.run.workers()).isEqualTo(256);
    assertThat(high.run.perHost()).isEqualTo(100_000);
    assertThat(high.fetch.retries()).isEqualTo(100);
    assertThat(high.fetch.maxSize()).isEqualTo(1L << 40);
    assertThat(high.fetch.userAgent("1.2")).isEqualTo("bot\t1.0");
    assertThat(low.run.perHost()).isZero();
  }

  @Test
  void tableOptionsGiveTheInputOptionsAndOptOuts() {
    Probe p = parse("--input-format", "JSONL", "--url-col", " link ", "--caption-col", "text",
        "--save-cols", "a, b", "--disallowed-header-directives", "");

    assertThat(p.table.input())
        .isEqualTo(new InputOptions(InputFormat.JSONL, "link", "text", List.of("a", "b"), null));
    assertThat(p.table.disallowedDirectives()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("dev.imgdl.core.config.BadOptionValues#CASES")
  void eachBadValueIsRefusedWithItsOneMessage(BadOptionValues.Case bad) {
    String[] args = bad.args().toArray(String[]::new);
    if (bad.parseError()) {
      assertThatThrownBy(() -> parse(args))
          .isInstanceOf(CommandLine.ParameterException.class)
          .hasMessage(bad.message());
    } else {
      assertThatThrownBy(() -> parse(args).check())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(bad.message());
    }
  }
}
