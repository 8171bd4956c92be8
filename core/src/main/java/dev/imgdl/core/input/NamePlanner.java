package dev.imgdl.core.input;

import dev.imgdl.core.text.Sha256;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Plans target names from URLs, before any request, exactly as docs/spec.md's naming rules say,
 * so that the same list gives the same names in both modes and on every run. Instances remember the
 * names already given out and resolve collisions in input order; they are not thread-safe.
 *
 * <p>A name whose extension is not known yet may become {@code stem.<any image extension>}, so it
 * collides with every name of the same stem; the later entry of such a pair gets the hash.
 *
 * <p>With {@code --resize} every image is saved in the encode format, so a planner made with
 * that format's extension gives every name that extension ({@code a.png} saved as JPEG is
 * {@code a.jpg}): complete before any request, so skipping and collisions see the saved names.
 */
public final class NamePlanner {
  /** Image extensions that are kept from the URL, in their lowercase form. */
  public static final List<String> IMAGE_EXTENSIONS =
      List.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "avif", "svg", "ico");

  private static final int MAX_STEM = 100;
  private static final Set<String> RESERVED = reservedNames();

  private final String extension;
  private final Set<String> fullNames = new HashSet<>();
  private final Set<String> stemsWithExtension = new HashSet<>();
  private final Set<String> stemsWithoutExtension = new HashSet<>();

  /** A planner of names as the URLs give them: bodies saved as downloaded. */
  public NamePlanner() {
    this(null);
  }

  /**
   * A planner whose names all end in {@code extension} (the encode format's), or, when it is
   * null, in the URL's or the body's.
   */
  public NamePlanner(String extension) {
    this.extension = extension;
  }

  /** Plans the name of the next entry; {@code raw} is the URL as given, used for hashes. */
  public TargetName plan(HttpUrl url, String raw) {
    TargetName base = baseName(url, raw);
    if (extension != null) {
      base = new TargetName(base.stem(), extension);
    }
    if (collides(base)) {
      base = new TargetName(base.stem() + "-" + sha256Prefix(raw), base.extension());
      // A second collision needs a pathological list (the same hashed name given twice); keep
      // the result unique anyway with a counter.
      for (int n = 2; collides(base); n++) {
        base = new TargetName(base.stem().replaceAll("~\\d+$", "") + "~" + n, base.extension());
      }
    }
    remember(base);
    return base;
  }

  /** The name rules without collision handling. */
  public static TargetName baseName(HttpUrl url, String raw) {
    String segment = lastSegment(url);
    String clean = sanitize(segment);
    String extension = null;
    int dot = clean.lastIndexOf('.');
    if (dot > 0) {
      String candidate = clean.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (IMAGE_EXTENSIONS.contains(candidate)) {
        extension = candidate;
        clean = clean.substring(0, dot);
      }
    }
    String stem = clean.length() > MAX_STEM ? clean.substring(0, MAX_STEM) : clean;
    if (stem.isEmpty()) {
      stem = "image";
    }
    if (RESERVED.contains(stem.toLowerCase(Locale.ROOT).split("\\.", 2)[0])) {
      stem = stem + "_";
    }
    if (url.encodedQuery() != null) {
      stem = stem + "-" + sha256Prefix(raw);
    }
    return new TargetName(stem, extension);
  }

  private static String lastSegment(HttpUrl url) {
    List<String> segments = url.pathSegments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (!segments.get(i).isEmpty()) {
        return segments.get(i);
      }
    }
    return "";
  }

  /** Keeps ASCII letters, digits, {@code . - _}; one {@code _} per other character. */
  static String sanitize(String segment) {
    StringBuilder out = new StringBuilder(segment.length());
    segment
        .codePoints()
        .forEach(
            c -> {
              boolean keep =
                  (c >= 'a' && c <= 'z')
                      || (c >= 'A' && c <= 'Z')
                      || (c >= '0' && c <= '9')
                      || c == '.'
                      || c == '-'
                      || c == '_';
              out.append(keep ? (char) c : '_');
            });
    int start = 0;
    while (start < out.length() && out.charAt(start) == '.') {
      start++;
    }
    return out.substring(start);
  }

  private boolean collides(TargetName name) {
    String stem = name.stem().toLowerCase(Locale.ROOT);
    if (stemsWithoutExtension.contains(stem)) {
      return true;
    }
    if (name.complete()) {
      return fullNames.contains(name.fileName(null).toLowerCase(Locale.ROOT));
    }
    return stemsWithExtension.contains(stem);
  }

  private void remember(TargetName name) {
    String stem = name.stem().toLowerCase(Locale.ROOT);
    if (name.complete()) {
      fullNames.add(name.fileName(null).toLowerCase(Locale.ROOT));
      stemsWithExtension.add(stem);
    } else {
      stemsWithoutExtension.add(stem);
    }
  }

  /** The first 8 hex digits of the SHA-256 of {@code text}. */
  public static String sha256Prefix(String text) {
    return Sha256.hexPrefix(text, 4);
  }

  private static Set<String> reservedNames() {
    Set<String> names = new HashSet<>(List.of("con", "prn", "aux", "nul"));
    for (int i = 1; i <= 9; i++) {
      names.add("com" + i);
      names.add("lpt" + i);
    }
    return Set.copyOf(names);
  }
}
