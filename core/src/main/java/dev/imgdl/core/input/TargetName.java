package dev.imgdl.core.input;

/**
 * The planned file name of an entry. When the URL ends in a known image extension the name is
 * complete; otherwise the extension of the detected type is appended after the download.
 *
 * @param stem the name without extension, never empty; no path separator but the one after a
 *     {@code --subdirs} folder ({@code 00042/name}), or a webdataset staging name
 * @param extension lowercase known image extension, or null when it depends on the body
 */
public record TargetName(String stem, String extension) {

  /** The name on disk, given the extension detected from the body (used only when needed). */
  public String fileName(String detectedExtension) {
    String ext = extension != null ? extension : detectedExtension;
    return ext == null || ext.isEmpty() ? stem : stem + "." + ext;
  }

  /** Whether the extension is known before the download. */
  public boolean complete() {
    return extension != null;
  }
}
