package dev.imgdl.cli.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A print stream that keeps the first write error it met. {@link PrintStream} only sets a flag
 * and drops the exception, so a report lost to a full disk or a closed pipe could not say why.
 * Standard output is one of these; {@link #checkError} still tells whether anything failed.
 */
public final class CheckedPrintStream extends PrintStream {
  private volatile IOException error;

  public CheckedPrintStream(OutputStream out) {
    super(out, false, StandardCharsets.UTF_8);
  }

  /** The first write error, or null. */
  public IOException error() {
    return error;
  }

  @Override
  public void write(int b) {
    try {
      synchronized (this) {
        out.write(b);
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public void write(byte[] buf, int off, int len) {
    try {
      synchronized (this) {
        out.write(buf, off, len);
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public void flush() {
    try {
      synchronized (this) {
        out.flush();
      }
    } catch (IOException e) {
      failed(e);
    }
  }

  private void failed(IOException e) {
    if (error == null) {
      error = e;
    }
    if (e instanceof InterruptedIOException) {
      Thread.currentThread().interrupt();
    }
    setError();
  }
}
