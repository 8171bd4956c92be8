package dev.imgdl.result;

/**
 * What happened to one entry. A failure is a result with an {@code error}, never an exception.
 * Results cross the pipe from child JVMs as JSON, so this record holds only plain values.
 *
 * @param index position of the entry in the run's input order
 * @param status the final status
 * @param file name relative to the output directory (the existing file for skipped), or null
 * @param bytes bytes written (downloaded) or found (skipped); 0 otherwise
 * @param sha256 hex SHA-256 of the file, or null
 * @param contentType the response's Content-Type, or null
 * @param httpStatus the last HTTP status seen, or null
 * @param attempts requests sent for this entry, retries included
 * @param worker id of the worker that handled it, null for invalid and duplicate
 * @param millis time spent on the entry
 * @param error why it failed, was invalid or duplicate; null otherwise
 * @param width image width in pixels from its header, or null (not downloaded, or unknown)
 * @param height image height in pixels from its header, or null
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
    int attempts,
    Integer worker,
    long millis,
    String error,
    Integer width,
    Integer height,
    boolean resumed) {

  /** A result of this run. */
  public Result(int index, Status status, String file, long bytes, String sha256,
      String contentType, Integer httpStatus, int attempts, Integer worker, long millis,
      String error, Integer width, Integer height) {
    this(index, status, file, bytes, sha256, contentType, httpStatus, attempts, worker, millis,
        error, width, height, false);
  }

  /** A result without image dimensions: any status but a download of a known image. */
  public Result(int index, Status status, String file, long bytes, String sha256,
      String contentType, Integer httpStatus, int attempts, Integer worker, long millis,
      String error) {
    this(index, status, file, bytes, sha256, contentType, httpStatus, attempts, worker, millis,
        error, null, null);
  }

  /** The error of an entry that an interrupt ended before it finished. */
  public static final String INTERRUPTED = "interrupted";

  /** A result decided before any worker saw the entry: invalid or duplicate. */
  public static Result planned(int index, Status status, String error) {
    return new Result(index, status, null, 0, null, null, null, 0, null, 0, error);
  }

  /** A failure without any response, for example an interrupt or a dead worker. */
  public static Result failed(int index, Integer worker, String error) {
    return new Result(index, Status.FAILED, null, 0, null, null, null, 0, worker, 0, error);
  }

  /**
   * The outcome an earlier run recorded for an entry of a shard it completed: {@code status} and
   * {@code error} as its metadata row says, no request, no attempt.
   */
  public static Result earlier(int index, Status status, String file, Integer worker,
      String error) {
    return new Result(index, status, file, 0, null, null, null, 0, worker, 0, error, null, null,
        true);
  }

  /** The result of an entry that an interrupt came before: no request was sent for it. */
  public static Result interrupted(int index, int worker) {
    return failed(index, worker, INTERRUPTED);
  }
}
