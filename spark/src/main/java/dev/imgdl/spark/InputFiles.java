package dev.imgdl.spark;

import dev.imgdl.core.source.InputException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files INPUT names, listed on the driver through Hadoop: the file itself, the files of a
 * folder (not its subfolders, nor names starting with {@code _} or {@code .}, Spark's markers
 * and hidden files), or what a glob matches, sorted by path so that the rows are numbered in the
 * same order on every run.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * One file to read.
   *
   * @param uri where Hadoop opens it
   * @param source its name in messages: INPUT as given when it is the file, else its path
   *     (without {@code file:} when INPUT had no scheme)
   */
  record InputFile(String uri, String source) implements Serializable {}

  static List<InputFile> list(String input, Configuration conf) throws IOException {
    Path given = new Path(input);
    FileSystem fs = given.getFileSystem(conf);
    FileStatus[] matched = fs.globStatus(given);
    if (matched == null || matched.length == 0) {
      throw new InputException(input + ": cannot read file (missing or no permission)", null);
    }
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus status : matched) {
      if (status.isDirectory()) {
        Arrays.stream(fs.listStatus(status.getPath()))
            .filter(f -> f.isFile() && !hidden(f.getPath().getName()))
            .forEach(files::add);
      } else {
        files.add(status);
      }
    }
    files.sort(Comparator.comparing(f -> f.getPath().toString()));
    boolean plain = URI.create(given.toUri().toString()).getScheme() == null;
    Path single = fs.makeQualified(given);
    List<InputFile> out = new ArrayList<>();
    for (FileStatus f : files) {
      Path p = f.getPath();
      String source = p.equals(single) ? input : plain ? p.toUri().getPath() : p.toString();
      out.add(new InputFile(p.toString(), source));
    }
    return out;
  }

  private static boolean hidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }
}
