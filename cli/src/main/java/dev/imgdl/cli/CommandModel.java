package dev.imgdl.cli;

import picocli.CommandLine;

/**
 * The imgdl command's picocli model with all that {@code --help} shows. The man page and the
 * shell completion scripts are generated from it at build time, so that they cannot disagree
 * with the help.
 */
public final class CommandModel {
  private CommandModel() {}

  /** A command line of imgdl, to read its model and help from; not one to run. */
  public static CommandLine create() {
    return ImgdlCommand.commandLine(new ImgdlCommand());
  }
}
