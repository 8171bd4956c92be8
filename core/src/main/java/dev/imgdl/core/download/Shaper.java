package dev.imgdl.core.download;

import dev.imgdl.core.image.transform.ImageTransform;
import dev.imgdl.core.image.transform.PixelBudget;
import dev.imgdl.core.image.transform.TransformResult;
import dev.imgdl.core.image.transform.TransformSettings;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The step between Validate and Commit (docs/spec.md, "Shape"): a validated body checked on its
 * header's size by the filters, and with {@code --resize} decoded, resized and encoded from its
 * temporary file into a second temporary file of the run, which replaces it. Failures are
 * values; the body's temporary file is deleted whenever it is not the one to commit.
 */
final class Shaper {
  private final ImageTransform transform;
  private final TempFiles temps;
  private final Path dir;
  private final String runId;

  Shaper(TransformSettings settings, TempFiles temps, Path dir, String runId) {
    this.transform = new ImageTransform(settings, JvmBudget.BUDGET);
    this.temps = temps;
    this.dir = dir;
    this.runId = runId;
  }

  /** What became of a body. */
  sealed interface Shaped {
    /** The body as downloaded is what to commit. */
    record AsDownloaded() implements Shaped {}

    /** The image saved anew in {@code temp}, which is what to commit. */
    record Resized(Path temp, TransformResult.Transformed image) implements Shaped {}

    /** The image fails for {@code reason}, and nothing is left of it. */
    record Refused(String reason) implements Shaped {}
  }

  /**
   * Shapes {@code body}; a check's body, which has no file, meets the header's checks only.
   *
   * @throws IOException when the second temporary file cannot be written: both are deleted
   * @throws InterruptedException while waiting for the pixel budget or decoding: both deleted
   */
  Shaped shape(Outcome.Body body, int worker) throws IOException, InterruptedException {
    boolean decodes = transform.settings().decodes();
    if (body.format() == null) {
      // A body that --any-type accepted and that is no image: no size to filter, nothing to
      // decode. Kept as it is unless it was to be resized.
      return decodes ? refuse(body, "cannot decode: not an image") : new Shaped.AsDownloaded();
    }
    TransformResult.Refused refused = transform.refusal(body.format(), body.size());
    if (refused != null) {
      return refuse(body, refused.reason());
    }
    if (!decodes || body.temp() == null) {
      return new Shaped.AsDownloaded();
    }
    Path shaped = null;
    boolean done = false;
    try {
      TempFiles.Temp temp = temps.open(dir, runId, worker);
      shaped = temp.path();
      temp.out().close();
      TransformResult result =
          transform.apply(body.temp(), body.format(), body.size(), shaped);
      // The encoder opens the file anew: if an interrupt's abort swept it meanwhile, this
      // deletes what the encoder made again, instead of leaving it behind.
      temps.adopt(shaped);
      if (result instanceof TransformResult.Transformed image) {
        done = true;
        return new Shaped.Resized(shaped, image);
      }
      // Kept cannot happen while decoding; Refused says why not.
      return new Shaped.Refused(((TransformResult.Refused) result).reason());
    } finally {
      temps.delete(body.temp());
      if (!done && shaped != null) {
        temps.delete(shaped);
      }
    }
  }

  private Shaped refuse(Outcome.Body body, String reason) {
    if (body.temp() != null) {
      temps.delete(body.temp());
    }
    return new Shaped.Refused(reason);
  }

  /** One budget of pixels in flight per JVM, whatever the runs and tasks in it. */
  private static final class JvmBudget {
    static final PixelBudget BUDGET = PixelBudget.ofHeap();
  }
}
