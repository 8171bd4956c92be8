package dev.imgdl.worker;

import dev.imgdl.input.Task;
import dev.imgdl.result.Result;
import dev.imgdl.worker.PipeMessage.Acquire;
import dev.imgdl.worker.PipeMessage.Done;
import dev.imgdl.worker.PipeMessage.Release;
import dev.imgdl.worker.PipeMessage.ResultLine;
import dev.imgdl.worker.PipeMessage.Started;
import dev.imgdl.worker.PipeMessage.ToChild;
import dev.imgdl.worker.PipeMessage.ToParent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's reader of one child's standard output. It reads the child's lines to their end
 * and routes each: a result to the collector's queue if its entry is still unfinished (a
 * restarted child may repeat one), permit traffic to the {@link GateBroker}, and the done line
 * by closing the child's input, which lets it exit. A line that is not a message is logged and
 * skipped.
 */
final class ChildReader implements ToParent.Visitor {
  private static final Logger log = LoggerFactory.getLogger(ChildReader.class);

  private final int worker;
  private final PipeWriter<ToChild> toChild;
  private final GateBroker broker;
  private final Map<Integer, Task> unfinished;
  private final BlockingQueue<WorkerEvent> events;
  private long peakRss;

  /**
   * @param broker the run's gate broker, or null when children need no permits
   * @param unfinished the chunk's entries without a result; each result removes its own
   */
  ChildReader(int worker, PipeWriter<ToChild> toChild, GateBroker broker,
      Map<Integer, Task> unfinished, BlockingQueue<WorkerEvent> events) {
    this.worker = worker;
    this.toChild = toChild;
    this.broker = broker;
    this.unfinished = unfinished;
    this.events = events;
  }

  /**
   * Reads {@code stdout} until it ends, calling {@code heard} for every line.
   *
   * @return the peak memory the child reported in its done line, or 0 without one
   */
  long read(InputStream stdout, Runnable heard) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8), 1 << 16)) {
      for (String line; (line = in.readLine()) != null; ) {
        heard.run();
        ToParent message;
        try {
          message = PipeCodec.parse(line, ToParent.class);
        } catch (IOException e) {
          log.error("worker {} wrote a line that is not a result: {}", worker, e.getMessage());
          continue;
        }
        message.accept(this);
      }
    }
    return peakRss;
  }

  @Override
  public void result(ResultLine m) {
    Result r = m.result();
    if (unfinished.remove(r.index()) != null) {
      events.add(new WorkerEvent.Finished(r));
    }
  }

  @Override
  public void acquire(Acquire m) {
    if (broker == null) {
      log.error("worker {} asked for a permit, but the run has no host gate", worker);
      return;
    }
    broker.acquire(worker, m, toChild);
  }

  @Override
  public void started(Started m) {
    if (broker != null) {
      broker.started(worker, m.id());
    }
  }

  @Override
  public void release(Release m) {
    if (broker != null) {
      broker.release(worker, m.id());
    }
  }

  @Override
  public void done(Done m) {
    peakRss = m.peakRss();
    // End of the child's input tells it that it may exit now.
    toChild.close();
  }
}
