package dev.imgdl.worker;

import dev.imgdl.config.FetchSettings;
import dev.imgdl.input.Task;
import dev.imgdl.result.Result;

/**
 * One line of the pipe between the parent and a child JVM, as JSON (see {@link Wire}). Each type
 * uses a few of the fields and leaves the others null, and out of the line.
 *
 * <p>Parent to child: {@code start} (worker, settings, logLevel, remoteGate), one {@code task}
 * per entry, {@code end}; later {@code grant} / {@code deny} (id) answering the child's {@code
 * acquire}, and {@code cancel}. Child to parent: {@code result}, {@code acquire} (id, host,
 * waitMillis), {@code started} (id) when the request of a granted permit is sent, {@code
 * release} (id), and {@code done} (pid, peakRss) before it exits.
 */
public record Message(
    int v,
    String type,
    Integer worker,
    FetchSettings settings,
    String logLevel,
    Boolean remoteGate,
    Task task,
    Result result,
    Long id,
    String host,
    Long waitMillis,
    Long pid,
    Long peakRss) {

  /** The version of the line format; a child refuses a line of another version. */
  public static final int VERSION = 1;

  static Message of(String type) {
    return new Message(VERSION, type, null, null, null, null, null, null, null, null, null, null,
        null);
  }

  static Message start(int worker, FetchSettings settings, String logLevel, boolean remoteGate) {
    return new Message(VERSION, "start", worker, settings, logLevel, remoteGate, null, null, null,
        null, null, null, null);
  }

  static Message task(Task task) {
    return new Message(VERSION, "task", null, null, null, null, task, null, null, null, null,
        null, null);
  }

  static Message result(Result result) {
    return new Message(VERSION, "result", null, null, null, null, null, result, null, null, null,
        null, null);
  }

  static Message acquire(long id, String host, long waitMillis) {
    return new Message(VERSION, "acquire", null, null, null, null, null, null, id, host,
        waitMillis, null, null);
  }

  static Message permit(String type, long id) {
    return new Message(VERSION, type, null, null, null, null, null, null, id, null, null, null,
        null);
  }

  static Message done(long pid, long peakRss) {
    return new Message(VERSION, "done", null, null, null, null, null, null, null, null, null, pid,
        peakRss);
  }
}
