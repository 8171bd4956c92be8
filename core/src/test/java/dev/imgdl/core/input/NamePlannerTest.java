package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePlannerTest {
  private final NamePlanner names = new NamePlanner();

  private String plan(String raw) {
    TargetName name = names.plan(UrlValidator.check(raw), raw);
    return name.complete() ? name.fileName(null) : name.stem() + ".<detected>";
  }

  private static String hash(String raw) {
    return NamePlanner.sha256Prefix(raw);
  }

  @Test
  void keepsTheLastSegmentAndLowercasesAKnownExtension() {
    assertThat(plan("http://h/a/b/Photo.JPG")).isEqualTo("Photo.jpg");
    assertThat(plan("http://h/a/b/c.webp/")).isEqualTo("c.webp");
    assertThat(plan("http://h/x/pic.tiff")).isEqualTo("pic.tiff");
  }

  @Test
  void anUnknownExtensionWaitsForTheDetectedType() {
    assertThat(plan("http://h/render.php")).isEqualTo("render.php.<detected>");
    assertThat(plan("http://h/noext")).isEqualTo("noext.<detected>");
  }

  @Test
  void replacesUnsafeCharactersAndDecodesPercentEscapes() {
    assertThat(plan("http://h/my%20photo%21.png")).isEqualTo("my_photo_.png");
    assertThat(plan("http://h/caf%C3%A9.png")).isEqualTo("caf_.png");
    assertThat(plan("http://h/a%2Fb.png")).isEqualTo("a_b.png");
    assertThat(plan("http://h/%F0%9F%98%80.gif")).isEqualTo("_.gif");
  }

  @Test
  void dropsLeadingDotsAndFallsBackToImage() {
    assertThat(plan("http://h/.hidden.png")).isEqualTo("hidden.png");
    assertThat(plan("http://h/")).isEqualTo("image.<detected>");
    assertThat(plan("http://h/...")).isEqualTo("image-" + hash("http://h/...") + ".<detected>");
  }

  @Test
  void capsTheStemAt100Characters() {
    String longName = "a".repeat(300);
    assertThat(plan("http://h/" + longName + ".png")).isEqualTo("a".repeat(100) + ".png");
  }

  @Test
  void aQueryStringAddsTheUrlHash() {
    String one = "http://h/pic.jpg?id=1";
    String two = "http://h/pic.jpg?id=2";
    assertThat(plan(one)).isEqualTo("pic-" + hash(one) + ".jpg");
    assertThat(plan(two)).isEqualTo("pic-" + hash(two) + ".jpg");
    assertThat(hash(one)).hasSize(8).matches("[0-9a-f]{8}");
  }

  @Test
  void theLaterOfTwoEqualNamesGetsItsUrlHashIgnoringCase() {
    assertThat(plan("http://a/x/cat.jpg")).isEqualTo("cat.jpg");
    assertThat(plan("http://b/y/CAT.JPG")).isEqualTo("CAT-" + hash("http://b/y/CAT.JPG") + ".jpg");
    assertThat(plan("http://c/cat.png")).isEqualTo("cat.png");
  }

  @Test
  void anExtensionlessNameCollidesWithAnyImageExtensionOfTheSameStem() {
    assertThat(plan("http://a/photo")).isEqualTo("photo.<detected>");
    assertThat(plan("http://b/photo.png"))
        .isEqualTo("photo-" + hash("http://b/photo.png") + ".png");
    assertThat(plan("http://c/photo")).isEqualTo("photo-" + hash("http://c/photo") + ".<detected>");
  }

  @Test
  void windowsReservedNamesAreMadeSafe() {
    assertThat(plan("http://h/CON.png")).isEqualTo("CON_.png");
    assertThat(plan("http://h/lpt1")).isEqualTo("lpt1_.<detected>");
    assertThat(plan("http://h/console.png")).isEqualTo("console.png");
  }

  @Test
  void namesNeverLeaveTheOutputDirectory() {
    for (String raw :
        new String[] {
          "http://h/../../etc/passwd", "http://h/%2e%2e/%2e%2e/x.png", "http://h/..%2F..%2Fx.png",
          "http://h/a\\..\\b.png", "http://h/%00.png"
        }) {
      TargetName name = names.plan(UrlValidator.check(raw), raw);
      String file = name.fileName("png");
      assertThat(file).doesNotContain("/", "\\").doesNotStartWith(".").isNotEqualTo("..");
    }
  }

  @Test
  void sameListGivesSameNames() {
    NamePlanner other = new NamePlanner();
    for (String raw : new String[] {"http://a/x.jpg", "http://b/x.jpg", "http://c/y?z=1"}) {
      assertThat(other.plan(UrlValidator.check(raw), raw))
          .isEqualTo(names.plan(UrlValidator.check(raw), raw));
    }
  }
}
