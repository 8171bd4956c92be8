package dev.imgdl.input;

/**
 * One entry to download, as handed to a worker (and, in process mode, sent to a child).
 *
 * @param index position of the entry in the run's input order
 * @param url the URL as given, credentials included: the core needs them to authenticate
 * @param stem planned file name without extension
 * @param extension planned extension, or null when it depends on the body
 */
public record Task(int index, String url, String stem, String extension) {

  /** The planned name as a value. */
  public TargetName name() {
    return new TargetName(stem, extension);
  }
}
