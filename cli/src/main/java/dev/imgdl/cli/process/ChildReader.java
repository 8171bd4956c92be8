package dev.imgdl.cli.process;

import dev.imgdl.cli.process.pipe.PipeCodec;
import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Bytes;
import dev.imgdl.cli.process.pipe.PipeMessage.BytesGrant;
import dev.imgdl.cli.process.pipe.PipeMessage.ChunkEnd;
import dev.imgdl.cli.process.pipe.PipeMessage.Cookies;
import dev.imgdl.cli.process.pipe.PipeMessage.Done;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.ResultLine;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.core.download.TokenBucket;
import dev.imgdl.core.result.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import okhttp3.Cookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's reader of one child's standard output. It reads the child's lines to their end
 * and routes each: a result to the collector's queue if its entry is still unfinished (a
 * restarted child may repeat one), permit traffic to the child's seat at the {@link
 * GateBroker}, a chunk's end to its listener, and the done line by closing the child's input,
 * which lets it exit. A line that is not a message is logged and skipped.
 */
final class ChildReader implements ToParent.Visitor {
  private static final Logger log = LoggerFactory.getLogger(ChildReader.class);

  private final String child;
  private final PipeWriter<ToChild> toChild;
  private final GateBroker.Seat permits;
  private final TokenBucket bandwidth;
  private final Map<Integer, ?> unfinished;
  private final BlockingQueue<WorkerEvent> events;
  private final Consumer<ChunkEnd> chunkEnds;
  private final Consumer<List<Cookie>> cookies;
  private long peakRss;

  /**
   * @param child the child's name in logs, such as {@code worker 2}
   * @param permits the child's seat at the run's gate broker, or null when children need no
   *     permits
   * @param bandwidth the run's {@code --limit-rate}, or null without one
   * @param unfinished the entries of the child's chunks without a result; each result removes
   *     its own
   * @param chunkEnds told of each chunk the child ran to its end
   * @param cookies given the cookies the child kept
   */
  ChildReader(String child, PipeWriter<ToChild> toChild, GateBroker.Seat permits,
      TokenBucket bandwidth, Map<Integer, ?> unfinished, BlockingQueue<WorkerEvent> events,
      Consumer<ChunkEnd> chunkEnds, Consumer<List<Cookie>> cookies) {
    this.child = child;
    this.toChild = toChild;
    this.permits = permits;
    this.bandwidth = bandwidth;
    this.unfinished = unfinished;
    this.events = events;
    this.chunkEnds = chunkEnds;
    this.cookies = cookies;
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
          log.error("{} wrote a line that is not a result: {}", child, e.getMessage());
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
    if (permits == null) {
      log.error("{} asked for a permit, but the run has no host gate", child);
      return;
    }
    permits.acquire(m);
  }

  @Override
  public void started(Started m) {
    if (permits != null) {
      permits.started(m.id());
    }
  }

  @Override
  public void release(Release m) {
    if (permits != null) {
      permits.release(m.id());
    }
  }

  @Override
  public void bytes(Bytes m) {
    if (bandwidth == null) {
      log.error("{} asked for bytes, but the run has no --limit-rate", child);
      return;
    }
    try {
      // Reserved now, waited for by the child: nothing here waits, nothing is held for it.
      toChild.send(new BytesGrant(m.id(), bandwidth.reserve(m.count())));
    } catch (IOException e) {
      log.debug("{}: pipe closed: {}", child, e.getMessage());
    }
  }

  @Override
  public void chunkEnd(ChunkEnd m) {
    chunkEnds.accept(m);
  }

  @Override
  public void cookies(Cookies m) {
    cookies.accept(m.cookies());
  }

  @Override
  public void done(Done m) {
    peakRss = m.peakRss();
    // End of the child's input tells it that it may exit now.
    toChild.close();
  }
}
