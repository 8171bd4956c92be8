package dev.imgdl.cli.process.pipe;

import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import java.util.List;
import okhttp3.Cookie;

/**
 * One line of the pipe between the parent and a child JVM, written and read by {@link
 * PipeCodec}. Each direction is a sealed interface with a visitor holding one method per kind of
 * line, so that a new kind does not compile until every side that sends or receives it knows it.
 */
public sealed interface PipeMessage permits PipeMessage.ToChild, PipeMessage.ToParent {

  /**
   * From the parent: {@link Start}, one {@link TaskLine} per entry of the child's chunks and
   * {@link End};
   * later {@link Grant} or {@link Deny} answering an {@link Acquire}, a {@link BytesGrant}
   * answering {@link Bytes}, and {@link Cancel}.
   */
  sealed interface ToChild extends PipeMessage
      permits Start, TaskLine, End, Cancel, Grant, Deny, BytesGrant {
    void accept(Visitor visitor);

    /** What to do with each kind of line from the parent. */
    interface Visitor {
      void start(Start m);

      void task(TaskLine m);

      void end(End m);

      void cancel(Cancel m);

      void grant(Grant m);

      void deny(Deny m);

      void bytesGrant(BytesGrant m);
    }
  }

  /**
   * From a child: a {@link ResultLine} per entry; {@link Acquire}, {@link Started} and {@link
   * Release} for the run's shared host gate; {@link Bytes} for its shared {@code --limit-rate};
   * a {@link ChunkEnd} per chunk it ran to its end, when the run keeps cookies its {@link
   * Cookies}, and {@link Done} before it exits.
   */
  sealed interface ToParent extends PipeMessage
      permits ResultLine, Acquire, Started, Release, Bytes, ChunkEnd, Cookies, Done {
    void accept(Visitor visitor);

    /** What to do with each kind of line from a child. */
    interface Visitor {
      void result(ResultLine m);

      void acquire(Acquire m);

      void started(Started m);

      void release(Release m);

      void bytes(Bytes m);

      void chunkEnd(ChunkEnd m);

      void cookies(Cookies m);

      void done(Done m);
    }
  }

  /**
   * The ids of the workers (chunks) the child runs, in order, its settings and log level, and
   * whether to ask the parent for permits.
   */
  record Start(List<Integer> workers, FetchSettings settings, String logLevel,
      boolean remoteGate) implements ToChild {
    public Start {
      workers = List.copyOf(workers);
    }


    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.start(this);
    }
  }

  /** One entry of the chunk of {@code worker}, one of the start line's workers. */
  record TaskLine(int worker, Task task) implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.task(this);
    }
  }

  /** The chunk is complete: the child may start. */
  record End() implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.end(this);
    }
  }

  /** The run is interrupted: cancel what is in flight, start nothing new. */
  record Cancel() implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.cancel(this);
    }
  }

  /** The permit the child asked for as {@code id} is the child's. */
  record Grant(long id) implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.grant(this);
    }
  }

  /** No permit for {@code id} by its deadline. */
  record Deny(long id) implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.deny(this);
    }
  }

  /** The bytes the child asked for as {@code id} are its own after {@code waitNanos}. */
  record BytesGrant(long id, long waitNanos) implements ToChild {
    @Override
    public void accept(ToChild.Visitor visitor) {
      visitor.bytesGrant(this);
    }
  }

  /** One entry is finished; the error is exact, credentials included, for the parent to hide. */
  record ResultLine(Result result) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.result(this);
    }
  }

  /** The child asks for a permit to {@code host}, waiting at most {@code waitMillis}. */
  record Acquire(long id, String host, long waitMillis) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.acquire(this);
    }
  }

  /** The request of permit {@code id} is sent: pacing counts from now. */
  record Started(long id) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.started(this);
    }
  }

  /** Permit {@code id} is returned. */
  record Release(long id) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.release(this);
    }
  }

  /** The child asks for {@code count} bytes of the run's {@code --limit-rate}, for later reads. */
  record Bytes(long id, long count) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.bytes(this);
    }
  }

  /**
   * The chunk of {@code worker} is run to its end, or as far as a cancel let it: no more results
   * come for it from this child. {@code peakRss} is the child's peak memory so far, 0 unknown.
   */
  record ChunkEnd(int worker, long peakRss) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.chunkEnd(this);
    }
  }

  /**
   * The cookies the child's servers set, the last of each name, domain and path, expired ones
   * (deletions) included ({@code CookieStore.setByServers}), sent once its chunks are run, for
   * the parent's one cookie jar. Their values are secrets: never logged.
   */
  record Cookies(List<Cookie> cookies) implements ToParent {
    public Cookies {
      cookies = List.copyOf(cookies);
    }

    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.cookies(this);
    }

    @Override
    public String toString() {
      return "Cookies[" + cookies.size() + "]";
    }
  }

  /** Every result is sent; the child exits once its input closes. */
  record Done(long pid, long peakRss) implements ToParent {
    @Override
    public void accept(ToParent.Visitor visitor) {
      visitor.done(this);
    }
  }
}
