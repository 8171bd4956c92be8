package dev.imgdl.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.input.Entry;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationTest {
  private final StringWriter err = new StringWriter();
  private final FailureLines annotated = new FailureLines(new PrintWriter(err), true);

  private static Entry entry(int line, String url) {
    return Entry.of(line - 1, "urls.txt", line, url);
  }

  @Test
  void aFailedEntryPrintsItsLineThenAnErrorCommandOnTheListsLine() {
    annotated.add(entry(4, "http://h/a.png"), Result.failed(3, 0, "HTTP 404"), null);
    assertThat(err.toString()).isEqualTo("urls.txt:4 http://h/a.png: HTTP 404\n"
        + "::error file=urls.txt,line=4::HTTP 404: http://h/a.png\n");
  }

  @Test
  void anInvalidEntryIsAnnotatedAndOtherStatusesAndInterruptsAreNot() {
    annotated.add(entry(1, "nope"), Result.planned(0, Status.INVALID, "no host"), null);
    annotated.add(entry(2, "http://h/a"), Result.planned(1, Status.DUPLICATE, "duplicate"), null);
    annotated.add(entry(3, "http://h/b"), Result.builder(2, Status.SKIPPED).build(), null);
    annotated.add(entry(4, "http://h/c"), Result.builder(3, Status.DOWNLOADED).build(), null);
    annotated.add(entry(5, "http://h/d"), Result.interrupted(4, 0), null);
    assertThat(err.toString().lines().filter(l -> l.startsWith("::")))
        .containsExactly("::error file=urls.txt,line=1::no host: nope");
  }

  @Test
  void standardInputHasNoFileOrLine() {
    annotated.add(Entry.of(0, "<stdin>", 7, "http://h/a.png"), Result.failed(0, 0, "HTTP 500"),
        null);
    assertThat(err.toString()).endsWith(
        "\n::error::<stdin>:7 http://h/a.png: HTTP 500\n");
  }

  @Test
  void percentNewlinesColonsAndCommasCannotEndTheCommandOrForgeAnother() {
    Entry entry = Entry.of(0, "a,b:c%\n::warning x.txt", 2,
        "http://u:pw@h/%41::error file=x::\r\nforged,");
    annotated.add(entry, Result.failed(0, 0, "not an image (text/\u001b[2J\n::error::x)"), null);
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("::error file=a%2Cb%3Ac%25\\n%3A%3Awarning x.txt,line=2::"
        + "not an image (text/\\x1b[2J\\n::error::x): http://***@h/%2541::error file=x::\\r\\n"
        + "forged,");
    assertThat(lines.get(1)).doesNotContain("pw").doesNotContain("\u001b");
  }

  @Test
  void annotationsGoOnPastTheLimitOfFailureLinesAndUnderQuietAlike() {
    for (int i = 0; i < FailureLines.LIMIT + 5; i++) {
      annotated.add(entry(i + 1, "http://h/" + i), Result.failed(i, 0, "HTTP 404"), null);
    }
    annotated.close();
    List<String> lines = err.toString().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("::error ")))
        .hasSize(FailureLines.LIMIT + 5);
    assertThat(lines.stream().filter(l -> l.startsWith("urls.txt:"))).hasSize(FailureLines.LIMIT);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("... and 5 more failed or invalid entries: see --report or --failed");
  }

  @Test
  void withoutAnnotationsNoCommandIsPrinted() {
    StringWriter plain = new StringWriter();
    new FailureLines(new PrintWriter(plain), false)
        .add(entry(4, "http://h/a.png"), Result.failed(3, 0, "HTTP 404"), null);
    assertThat(plain.toString()).isEqualTo("urls.txt:4 http://h/a.png: HTTP 404\n");
  }
}
