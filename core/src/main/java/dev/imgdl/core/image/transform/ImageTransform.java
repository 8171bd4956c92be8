package dev.imgdl.core.image.transform;

import dev.imgdl.core.image.Dimensions;
import dev.imgdl.core.image.ImageDimensions;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.transform.TransformResult.Kept;
import dev.imgdl.core.image.transform.TransformResult.Refused;
import dev.imgdl.core.image.transform.TransformResult.Transformed;
import dev.imgdl.core.text.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Images shaped for training, the one entry point: a downloaded body (already in a file, its
 * format detected from its signature) is checked on its header's size, decoded, turned upright,
 * converted to 8-bit sRGB, resized as img2dataset does and encoded into a target file, which the
 * caller then renames into place. One instance serves every thread of a JVM; its {@link
 * PixelBudget} bounds the pixels of all transforms in flight, and its {@link DecodeSlots} how
 * many run at once.
 *
 * <p>The steps and their failures: the header (no decoding) against the filters and the decode
 * limit ({@link SizeFilter}); with mode {@code no}, that is all ({@link Kept}); the Exif
 * orientation of a JPEG; the sizes ({@link ResizePlan}); the budget, then a slot; decoding
 * ({@code cannot decode jpg: ...}); resampling ({@link Resampler}) straight from the decoder's
 * raster, then turning, the alpha laid over white for a JPEG (after resampling: the resampler
 * averages premultiplied colours, and laying over white is linear in them, so the order changes
 * nothing but the cost), cropping or padding; encoding ({@link ImageEncoder}) with the output's
 * SHA-256 on the way.
 */
public final class ImageTransform {
  private final TransformSettings settings;
  private final PixelBudget budget;

  public ImageTransform(TransformSettings settings, PixelBudget budget) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  public TransformSettings settings() {
    return settings;
  }

  /**
   * Transforms the image in {@code body}, of {@code format}, into {@code target}, reading the
   * size from its header: see {@link #apply(Path, ImageFormat, Dimensions, Path)}.
   */
  public TransformResult apply(Path body, ImageFormat format, Path target)
      throws IOException, InterruptedException {
    return apply(body, format, ImageDimensions.read(body, format), target);
  }

  /**
   * Transforms the image in {@code body}, of {@code format} and of the {@code size} its header
   * states (as the download read it, or null), into {@code target}: created or replaced when the
   * result is {@link Transformed}, untouched when it is not; after an exception it may hold part
   * of an image, so it should be a temporary file.
   *
   * @throws IOException when the target cannot be written: the disk's failure, not the image's
   * @throws InterruptedException while waiting for the budget or decoding
   */
  public TransformResult apply(Path body, ImageFormat format, Dimensions size, Path target)
      throws IOException, InterruptedException {
    Refused refused = refusal(format, size);
    if (refused != null) {
      return refused;
    }
    if (!settings.decodes()) {
      return new Kept(size);
    }
    int orientation = format == ImageFormat.JPEG ? Orientation.read(body) : Orientation.NORMAL;
    boolean turned = Orientation.swapsSides(orientation);
    ResizePlan plan = ResizePlan.of(turned ? size.height() : size.width(),
        turned ? size.width() : size.height(), settings);
    if (plan.area() > settings.maxDecodePixels()) {
      return new Refused(SizeFilter.outputLimit(plan.width(), plan.height(),
          settings.maxDecodePixels()));
    }
    long pixels = (long) size.width() * size.height();
    try (PixelBudget.Permit permit = budget.acquire(pixels + plan.area());
        DecodeSlots.Slot slot = budget.slots().acquire()) {
      return transform(body, format, orientation, pixels, plan, target, slot);
    } catch (DecodeFailure e) {
      return new Refused(e.getMessage());
    }
  }

  /**
   * The checks made on the header alone, nothing read or decoded: the formats without a
   * decoder (unless mode {@code no}), the filters and the decode limit. A {@code --check} run,
   * which keeps no body, applies the filters with this alone.
   *
   * @param size the size the header states, or null when it does not say
   * @return why the image is refused, or null when it passes
   */
  public Refused refusal(ImageFormat format, Dimensions size) {
    boolean decodes = settings.decodes();
    if (decodes && (format == ImageFormat.SVG || format == ImageFormat.AVIF)) {
      return new Refused("cannot decode " + format.extension());
    }
    if (size == null) {
      return decodes || filters()
          ? new Refused("cannot decode " + format.extension() + ": no size in its header")
          : null;
    }
    String reason = SizeFilter.reason(size, decodes ? settings : withoutDecodeLimit());
    return reason == null ? null : new Refused(reason);
  }

  private Transformed transform(Path body, ImageFormat format, int orientation, long pixels,
      ResizePlan headerPlan, Path target, DecodeSlots.Slot slot)
      throws DecodeFailure, IOException, InterruptedException {
    boolean turned = Orientation.swapsSides(orientation);
    Rgb8 decoded = ImageDecoder.decode(body, format, pixels, slot,
        turned ? headerPlan.scaledHeight() : headerPlan.scaledWidth(),
        turned ? headerPlan.scaledWidth() : headerPlan.scaledHeight());
    // The decoder's size, which a lying header may not match. The plan is of the image as
    // seen; it is resampled as stored, then turned: turning commutes with resampling, and
    // turning the small image is cheaper. A JPEG may come decoded at a fraction of its size
    // (ScaledJpeg), from which the resampler goes on to the same target.
    int seenWidth = turned ? decoded.sourceHeight : decoded.sourceWidth;
    int seenHeight = turned ? decoded.sourceWidth : decoded.sourceHeight;
    ResizePlan plan = ResizePlan.of(seenWidth, seenHeight, settings);
    Pixels image = Resampler.resize(decoded,
        turned ? plan.scaledHeight() : plan.scaledWidth(),
        turned ? plan.scaledWidth() : plan.scaledHeight());
    decoded = null; // the raster can go before the copies below
    image = Orientation.apply(image, orientation);
    if (!settings.format().keepsAlpha()) {
      image = image.overWhite();
    }
    Pixels out = image
        .crop(plan.cropX(), plan.cropY(), Math.min(plan.width(), plan.scaledWidth()),
            Math.min(plan.height(), plan.scaledHeight()))
        .pad(plan.padX(), plan.padY(), plan.width(), plan.height());
    MessageDigest digest = Sha256.digest();
    try (OutputStream file = new DigestOutputStream(
        new BufferedOutputStream(Files.newOutputStream(target)), digest)) {
      ImageEncoder.encode(out, settings.format(), settings.quality(), file);
    } catch (LinkageError e) {
      // The encoder's native library missing from the runtime: the image's failure, in words.
      throw new DecodeFailure(DecodeFailure.of(settings.format().extension(), e).getMessage()
          .replaceFirst("^cannot decode", "cannot encode"));
    }
    return new Transformed(out.width(), out.height(), settings.format(), seenWidth, seenHeight,
        Sha256.hex(digest.digest()), Files.size(target));
  }

  private boolean filters() {
    return settings.minImageSize() > 0 || settings.maxImageArea() < Long.MAX_VALUE
        || settings.maxAspectRatio() < Double.POSITIVE_INFINITY;
  }

  /** With mode {@code no} nothing is decoded, so the decode limit does not apply. */
  private TransformSettings withoutDecodeLimit() {
    return new TransformSettings(settings.size(), settings.mode(), settings.onlyIfBigger(),
        settings.format(), settings.quality(), settings.minImageSize(), settings.maxImageArea(),
        settings.maxAspectRatio(), Long.MAX_VALUE);
  }
}
