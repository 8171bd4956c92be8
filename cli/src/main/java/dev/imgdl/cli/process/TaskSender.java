package dev.imgdl.cli.process;

import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Cancel;
import dev.imgdl.cli.process.pipe.PipeMessage.End;
import dev.imgdl.cli.process.pipe.PipeMessage.Start;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.core.input.ChunkFeed;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that feeds one child JVM: the start line, the entries an earlier child of the share
 * left unfinished, then each task line as the planner deals it, one flush per batch of what is
 * there (not per line), and the end line when planning ends. An entry counts as sent, and so is
 * sent again to a new child if this one dies, before it is written. Interrupting the thread (the
 * child has ended) stops it; what it took from the feed is in the progress already.
 */
final class TaskSender {
  /** Task lines written to a child before one flush, when the planner is ahead of it. */
  static final int BATCH = 512;

  private static final Logger log = LoggerFactory.getLogger(TaskSender.class);

  private TaskSender() {}

  static Thread start(ChildProcess child, Start start, ChunkFeed<TaskLine> feed,
      ShareProgress progress, BooleanSupplier cancelled) {
    Thread t = new Thread(() -> send(child, start, feed, progress, cancelled),
        "imgdl-to-" + child.label().replace(' ', '-'));
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void send(ChildProcess child, Start start, ChunkFeed<TaskLine> feed,
      ShareProgress progress, BooleanSupplier cancelled) {
    PipeWriter<ToChild> input = child.input();
    try {
      input.queue(start);
      for (TaskLine line : progress.left()) {
        input.queue(line);
      }
      input.flush();
      for (List<TaskLine> batch; !(batch = feed.nextBatch(BATCH)).isEmpty(); ) {
        if (progress.unfinished().isEmpty()) {
          // It was waiting for the planner: its silence counts from now.
          child.heard();
        }
        batch.forEach(progress::sent);
        for (TaskLine line : batch) {
          input.queue(line);
        }
        input.flush();
      }
      input.send(new End());
      child.endSent();
      if (cancelled.getAsBoolean()) {
        child.sendLater(new Cancel());
      }
    } catch (InterruptedException e) {
      // The child has ended.
    } catch (IOException e) {
      log.debug("{}: cannot write to the child: {}", child.label(), e.getMessage());
    }
  }
}
