package dev.imgdl.core.config;

import java.util.Objects;

/**
 * Everything the download core needs to fetch one entry. It is a plain value so that it can
 * cross the pipe to a child JVM as JSON and give the child exactly the parent's behaviour.
 *
 * @param outputDir absolute path of the output directory
 * @param runId short id of this run, part of every temporary file name
 * @param request what every request asks and accepts, as the shared options give it
 * @param check {@code --check}: fetch and validate every body as a download, and write nothing
 *     (no temporary file, no output directory)
 * @param md5 compute each body's MD5 besides its SHA-256, for {@code --verify-hash COL:md5}
 * @param identity the netrc file and the cookies of the requests
 * @param limitRate {@code --limit-rate}: most body bytes per second for the whole run, 0 for no
 *     limit
 */
public record FetchSettings(
    String outputDir,
    String runId,
    RequestSettings request,
    boolean check,
    boolean md5,
    Identity identity,
    long limitRate) {

  public FetchSettings {
    Objects.requireNonNull(identity, "identity");
  }

  /** A builder: where to, the run id and the request values are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link FetchSettings} by name. Bodies saved unless told otherwise, no MD5, no netrc
   * file or cookies, and no limit on the rate of bytes.
   */
  public static final class Builder {
    private String outputDir;
    private String runId;
    private RequestSettings request;
    private boolean check;
    private boolean md5;
    private Identity identity = Identity.NONE;
    private long limitRate;

    private Builder() {}

    public Builder outputDir(String outputDir) {
      this.outputDir = outputDir;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder request(RequestSettings request) {
      this.request = request;
      return this;
    }

    public Builder check(boolean check) {
      this.check = check;
      return this;
    }

    public Builder md5(boolean md5) {
      this.md5 = md5;
      return this;
    }

    public Builder identity(Identity identity) {
      this.identity = identity;
      return this;
    }

    public Builder limitRate(long limitRate) {
      this.limitRate = limitRate;
      return this;
    }

    public FetchSettings build() {
      return new FetchSettings(
          Required.value(outputDir, "FetchSettings.outputDir"),
          Required.value(runId, "FetchSettings.runId"),
          Required.value(request, "FetchSettings.request"),
          check, md5, identity, limitRate);
    }
  }
}
