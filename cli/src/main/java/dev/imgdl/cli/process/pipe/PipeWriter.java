package dev.imgdl.cli.process.pipe;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * The sending end of the pipe in one direction: a {@code PipeWriter<ToChild>} in the parent, a
 * {@code PipeWriter<ToParent>} in a child, so that the compiler checks who may send what. Each
 * message is one line written whole under the writer's lock: lines from several threads never
 * interleave.
 */
public final class PipeWriter<M extends PipeMessage> implements Closeable {
  private final Writer out;

  public PipeWriter(Writer out) {
    this.out = out;
  }

  /** Sends one line, and everything queued before it. */
  public void send(M message) throws IOException {
    write(message, true);
  }

  /** Writes one line without flushing, so that a batch of lines goes out together. */
  public void queue(M message) throws IOException {
    write(message, false);
  }

  /** Sends every line queued so far. */
  public void flush() throws IOException {
    synchronized (out) {
      out.flush();
    }
  }

  private void write(M message, boolean flush) throws IOException {
    String line = PipeCodec.format(message);
    synchronized (out) {
      out.write(line);
      out.write('\n');
      if (flush) {
        out.flush();
      }
    }
  }

  /** Closes the pipe, which the other side reads as end of input; the other side may be gone. */
  @Override
  public void close() {
    synchronized (out) {
      try {
        out.close();
      } catch (IOException ignored) {
        // The other side is gone.
      }
    }
  }
}
