package dev.imgdl.core.config;

/**
 * A config file, or a line of it, that cannot be used: the message names the file, and the line
 * where there is one ({@code FILE:LINE: …}), for a front end to print as its usage error.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
