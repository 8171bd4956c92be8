package dev.imgdl.core.input;

import okhttp3.HttpUrl;

/**
 * One entry to download, as handed to a worker (and, in process mode, sent to a child).
 *
 * @param index position of the entry in the run's input order
 * @param url the URL as given, credentials included: the core needs them to authenticate
 * @param stem planned file name without extension
 * @param extension planned extension, or null when it depends on the body
 * @param httpUrl {@code url} parsed, once per JVM: by the planner, or by a child from the pipe
 * @param hash the hash the body must have ({@code --verify-hash}), or null for no check
 */
public record Task(int index, String url, String stem, String extension, HttpUrl httpUrl,
    ExpectedHash hash) {

  /** A task whose URL is parsed here: a child's, read from the pipe, or a Spark task's. */
  public Task(int index, String url, String stem, String extension, ExpectedHash hash) {
    this(index, url, stem, extension, HttpUrl.get(url), hash);
  }

  /** A test's task: no hash to check. */
  public Task(int index, String url, String stem, String extension) {
    this(index, url, stem, extension, HttpUrl.get(url), null);
  }

  /** This task under another planned stem (a staging name, a folder), all else kept. */
  public Task withStem(String newStem) {
    return new Task(index, url, newStem, extension, httpUrl, hash);
  }

  /** The planned name as a value. */
  public TargetName name() {
    return new TargetName(stem, extension);
  }
}
