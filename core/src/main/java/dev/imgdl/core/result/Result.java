package dev.imgdl.core.result;

import java.util.Objects;

/**
 * What happened to one entry. A failure is a result with an {@code error}, never an exception.
 * Results cross the pipe from child JVMs as JSON, so this record holds only plain values. Built
 * by name through {@link #builder} (or {@link #toBuilder} for a copy), so that a field nobody
 * sets keeps its default (null, 0, false) on purpose. A new field is added here (component,
 * builder) and in {@link ResultField}, which every output and the copy iterate over.
 *
 * @param index position of the entry in the run's input order
 * @param status the final status
 * @param file name relative to the output directory (the existing file for skipped), or null
 * @param bytes bytes written (downloaded) or found (skipped); 0 otherwise
 * @param sha256 hex SHA-256 of the file, or null
 * @param contentType the response's Content-Type, or null
 * @param httpStatus the last HTTP status seen, or null
 * @param finalUrl the URL of that last response when redirects led away from the entry's URL
 *     (without its credentials); null without a redirect or without a response
 * @param attempts requests sent for this entry, retries included
 * @param worker id of the worker that handled it, null for invalid and duplicate
 * @param millis time spent on the entry
 * @param error why it failed, was invalid or duplicate; null otherwise
 * @param width image width in pixels from its header, or null (not downloaded, or unknown);
 *     with {@code --resize}, the saved image's
 * @param height image height in pixels from its header, or null; likewise
 * @param originalWidth with {@code --resize}: the downloaded image's width as displayed (after
 *     its Exif orientation); null otherwise
 * @param originalHeight likewise, its height
 * @param originalSha256 with {@code --resize}: hex SHA-256 of the downloaded body; null otherwise
 * @param resumed whether the entry's outcome comes from a shard an earlier run completed (its
 *     metadata row), not from this run: no request was sent for it
 */
public record Result(
    int index,
    Status status,
    String file,
    long bytes,
    String sha256,
    String contentType,
    Integer httpStatus,
    String finalUrl,
    int attempts,
    Integer worker,
    long millis,
    String error,
    Integer width,
    Integer height,
    Integer originalWidth,
    Integer originalHeight,
    String originalSha256,
    boolean resumed) {

  /** The error of an entry that an interrupt ended before it finished. */
  public static final String INTERRUPTED = "interrupted";

  public Result {
    Objects.requireNonNull(status, "a result needs a status");
  }

  /** A result of entry {@code index} ending in {@code status}; every other field is unset. */
  public static Builder builder(int index, Status status) {
    return new Builder(index, status);
  }

  /** A builder holding this result's fields, to build a copy that differs in a few. */
  public Builder toBuilder() {
    Builder copy = new Builder(index, status);
    for (ResultField field : ResultField.values()) {
      field.set(copy, field.exact(this));
    }
    return copy;
  }

  /** A result decided before any worker saw the entry: invalid or duplicate. */
  public static Result planned(int index, Status status, String error) {
    return builder(index, status).error(error).build();
  }

  /** A failure without any response, for example an interrupt or a dead worker. */
  public static Result failed(int index, Integer worker, String error) {
    return builder(index, Status.FAILED).worker(worker).error(error).build();
  }

  /**
   * The outcome an earlier run recorded for an entry of a shard it completed: {@code status} and
   * {@code error} as its metadata row says, no request, no attempt.
   */
  public static Result earlier(int index, Status status, String file, Integer worker,
      String error) {
    return builder(index, status).file(file).worker(worker).error(error).resumed(true).build();
  }

  /** The result of an entry that an interrupt came before: no request was sent for it. */
  public static Result interrupted(int index, int worker) {
    return failed(index, worker, INTERRUPTED);
  }

  /** Sets a result's fields by name; what is not set is null, 0 or false. */
  public static final class Builder {
    private final int index;
    private Status status;
    private String file;
    private long bytes;
    private String sha256;
    private String contentType;
    private Integer httpStatus;
    private String finalUrl;
    private int attempts;
    private Integer worker;
    private long millis;
    private String error;
    private Integer width;
    private Integer height;
    private Integer originalWidth;
    private Integer originalHeight;
    private String originalSha256;
    private boolean resumed;

    private Builder(int index, Status status) {
      this.index = index;
      this.status = status;
    }

    public Builder status(Status value) {
      status = value;
      return this;
    }

    public Builder file(String value) {
      file = value;
      return this;
    }

    public Builder bytes(long value) {
      bytes = value;
      return this;
    }

    public Builder sha256(String value) {
      sha256 = value;
      return this;
    }

    public Builder contentType(String value) {
      contentType = value;
      return this;
    }

    public Builder httpStatus(Integer value) {
      httpStatus = value;
      return this;
    }

    public Builder finalUrl(String value) {
      finalUrl = value;
      return this;
    }

    public Builder attempts(int value) {
      attempts = value;
      return this;
    }

    public Builder worker(Integer value) {
      worker = value;
      return this;
    }

    public Builder millis(long value) {
      millis = value;
      return this;
    }

    public Builder error(String value) {
      error = value;
      return this;
    }

    public Builder width(Integer value) {
      width = value;
      return this;
    }

    public Builder height(Integer value) {
      height = value;
      return this;
    }

    public Builder originalWidth(Integer value) {
      originalWidth = value;
      return this;
    }

    public Builder originalHeight(Integer value) {
      originalHeight = value;
      return this;
    }

    public Builder originalSha256(String value) {
      originalSha256 = value;
      return this;
    }

    public Builder resumed(boolean value) {
      resumed = value;
      return this;
    }

    public Result build() {
      return new Result(index, status, file, bytes, sha256, contentType, httpStatus, finalUrl,
          attempts, worker, millis, error, width, height, originalWidth, originalHeight,
          originalSha256, resumed);
    }
  }
}
