package dev.imgdl.core.download;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Sizes;
import dev.imgdl.core.image.DimensionScan;
import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.SniffedType;
import dev.imgdl.core.text.Excerpt;
import dev.imgdl.core.text.Sha256;
import dev.imgdl.core.text.ThrowableText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Streams one response body into its sink, computing its SHA-256 (and its MD5 when asked) and
 * the image's size on the way, enforcing {@code --max-size} and checking the image signature as
 * soon as the first bytes are in, and reading no faster than the run's {@link ByteBudget}. A
 * download's sink is a new temporary file in the output directory, gone on any failure when this
 * returns; a check's ({@code --check}) discards the bytes once they are hashed and scanned, so it
 * holds no more than a download does and creates no file.
 */
final class BodyReader {
  private static final int BUFFER = 64 * 1024;
  private static final ThreadLocal<byte[]> BUFFERS =
      ThreadLocal.withInitial(() -> new byte[BUFFER]);
  private static final ThreadLocal<byte[]> HEADS =
      ThreadLocal.withInitial(() -> new byte[ImageFormat.SNIFF_BYTES]);

  private final FetchSettings settings;
  private final TempFiles temps;
  private final ByteBudget budget;
  private final Path dir;

  BodyReader(FetchSettings settings, TempFiles temps, ByteBudget budget) {
    this.settings = settings;
    this.temps = temps;
    this.budget = budget;
    this.dir = Path.of(settings.outputDir());
  }

  /** Refusals that need only the headers: an HTML response, a declared size too large. */
  Outcome.Failure checkHeaders(Response response) {
    String type = response.header("Content-Type");
    if (!settings.request().anyType() && type != null && mime(type).equals("text/html")) {
      return failure("not an image (text/html)", response);
    }
    long declared = response.body().contentLength();
    if (declared > settings.request().maxSize()) {
      return failure(tooLarge(), response);
    }
    return null;
  }

  /**
   * Streams the body. A network error is thrown, for the caller to classify and maybe retry; a
   * local write error (disk full, directory gone) is a failure that no retry would mend.
   */
  Outcome read(Response response, int worker) throws IOException {
    if (settings.check()) {
      return stream(response, null, OutputStream.nullOutputStream());
    }
    TempFiles.Temp temp;
    try {
      temp = temps.open(dir, settings.runId(), worker);
    } catch (IOException e) {
      return failure("cannot write in the output directory: " + ThrowableText.reason(e),
          response);
    }
    boolean kept = false;
    try (OutputStream out = temp.out()) {
      Outcome outcome = stream(response, temp.path(), out);
      kept = outcome instanceof Outcome.Body;
      return outcome;
    } catch (LocalWriteException e) {
      return failure("cannot write " + temp.path().getFileName() + ": "
          + ThrowableText.reason(e.getCause()), response);
    } finally {
      if (!kept) {
        temps.delete(temp.path());
      }
    }
  }

  /** @param temp the file {@code out} writes, or null when the sink keeps nothing */
  private Outcome stream(Response response, Path temp, OutputStream out) throws IOException {
    MessageDigest sha = Sha256.digest();
    MessageDigest md5 = settings.md5() ? md5() : null;
    DimensionScan scan = null;
    byte[] buffer = BUFFERS.get();
    byte[] head = HEADS.get();
    int headLength = 0;
    ImageFormat format = null;
    boolean decided = false;
    long total = 0;
    BufferedSource source = response.body().source();
    int readSize = Math.min(buffer.length, budget.readSize());
    for (int n; (n = source.read(buffer, 0, readSize)) != -1; ) {
      spend(n);
      total += n;
      if (total > settings.request().maxSize()) {
        return failure(tooLarge(), response);
      }
      if (!decided) {
        int copy = Math.min(n, head.length - headLength);
        System.arraycopy(buffer, 0, head, headLength, copy);
        headLength += copy;
        format = ImageFormat.detect(head, headLength);
        decided = format != null || headLength == head.length;
        if (decided && format == null && !settings.request().anyType()) {
          return failure(notAnImage(response, head, headLength), response);
        }
        if (decided) {
          scan = DimensionScan.of(format);
          scan.accept(head, 0, headLength);
          scan.accept(buffer, copy, n - copy);
        }
      } else {
        scan.accept(buffer, 0, n);
      }
      sha.update(buffer, 0, n);
      if (md5 != null) {
        md5.update(buffer, 0, n);
      }
      try {
        out.write(buffer, 0, n);
      } catch (IOException e) {
        throw new LocalWriteException(e);
      }
    }
    if (!decided) {
      // A body shorter than the signature's look-ahead: judged whole.
      format = ImageFormat.detect(head, headLength);
      scan = DimensionScan.of(format);
      scan.accept(head, 0, headLength);
    }
    if (format == null && !settings.request().anyType()) {
      return failure(notAnImage(response, head, headLength), response);
    }
    return new Outcome.Body(temp, total, Sha256.hex(sha.digest()), Outcome.Reply.of(response),
        format, scan.finish(), md5 == null ? null : Sha256.hex(md5.digest()));
  }

  /** Waits for {@code --limit-rate}; an interrupt ends the read as a cancelled call would. */
  private void spend(int bytes) throws InterruptedIOException {
    try {
      budget.spend(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  /** A new MD5 digest: every JVM has one, as it has SHA-256. */
  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5", e);
    }
  }

  /** A write to the temporary file failed: told apart from a network error while reading. */
  private static final class LocalWriteException extends RuntimeException {
    LocalWriteException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private String tooLarge() {
    return "too large (> " + Sizes.format(settings.request().maxSize()) + ")";
  }

  /**
   * {@code not an image (text/plain)} when the server said what the body is, else both: {@code
   * not an image (server said image/jpeg, body is HTML)}; the claim is cut to a bounded length.
   */
  private static String notAnImage(Response response, byte[] head, int length) {
    String type = response.header("Content-Type");
    SniffedType seen = SniffedType.of(head, length);
    if (type == null || mime(type).isEmpty()) {
      return "not an image (body is " + seen.label() + ")";
    }
    String claimed = Excerpt.text(mime(type));
    if (seen.claimedBy(mime(type))) {
      return "not an image (" + claimed + ")";
    }
    return "not an image (server said " + claimed + ", body is " + seen.label() + ")";
  }

  private static Outcome.Failure failure(String error, Response response) {
    return Outcome.Failure.of(error, response);
  }

  static String mime(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
