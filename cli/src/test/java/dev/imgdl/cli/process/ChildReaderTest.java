package dev.imgdl.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.imgdl.cli.process.pipe.PipeCodec;
import dev.imgdl.cli.process.pipe.PipeMessage;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.ChunkEnd;
import dev.imgdl.cli.process.pipe.PipeMessage.Done;
import dev.imgdl.cli.process.pipe.PipeMessage.Grant;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.ResultLine;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.cli.process.pipe.PipeWriter;
import dev.imgdl.cli.worker.WorkerEvent;
import dev.imgdl.core.download.HostGate;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.Await;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The parent's reading of one child's lines, from memory: no child JVM. */
class ChildReaderTest {
  private static final int WORKER = 2;

  private final Map<Integer, Task> unfinished = new LinkedHashMap<>();
  private final BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
  private final ClosingWriter toChild = new ClosingWriter();
  private final AtomicInteger heard = new AtomicInteger();
  private final List<ChunkEnd> chunkEnds = new ArrayList<>();
  private final List<okhttp3.Cookie> cookies = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void chunkOfTwoAndALogToRead() {
    unfinished.put(4, new Task(4, "http://h/a.png", "a", "png"));
    unfinished.put(5, new Task(5, "http://h/b.png", "b", "png"));
    logged.start();
    readerLog().addAppender(logged);
  }

  @AfterEach
  void detachTheLog() {
    readerLog().detachAppender(logged);
  }

  private static Logger readerLog() {
    return (Logger) LoggerFactory.getLogger(ChildReader.class);
  }

  private ChildReader reader(GateBroker broker) {
    PipeWriter<ToChild> pipe = new PipeWriter<>(toChild);
    return new ChildReader("worker " + WORKER, pipe, broker == null ? null : broker.seat(pipe),
        null, unfinished, events, chunkEnds::add, cookies::addAll);
  }

  private long read(String... lines) throws IOException {
    String text = String.join("\n", lines) + "\n";
    InputStream stdout = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return reader(null).read(stdout, heard::incrementAndGet);
  }

  private static String line(ToParent message) {
    return PipeCodec.format(message);
  }

  private static Result downloaded(int index) {
    return Result.builder(index, Status.DOWNLOADED).file("a.png").bytes(10).sha256("ab")
        .contentType("image/png").httpStatus(200).attempts(1).worker(WORKER).millis(5).build();
  }

  private List<WorkerEvent> events() {
    List<WorkerEvent> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  @Test
  void aResultLineGoesToTheQueueAndTheEntryIsNoLongerUnfinished() throws IOException {
    read(line(new ResultLine(downloaded(4))));

    assertThat(events()).containsExactly(new WorkerEvent.Finished(downloaded(4)));
    assertThat(unfinished).containsOnlyKeys(5);
    assertThat(heard).hasValue(1);
  }

  @Test
  void aSecondResultForAFinishedEntryIsIgnored() throws IOException {
    Result again = Result.failed(4, WORKER, "internal error");
    read(line(new ResultLine(downloaded(4))), line(new ResultLine(again)));

    assertThat(events()).containsExactly(new WorkerEvent.Finished(downloaded(4)));
    assertThat(heard).hasValue(2);
  }

  @Test
  void aGarbageLineIsLoggedAndSkippedAndTheLinesAfterItStillCount() throws IOException {
    // A line the parent sends is no line for the parent to read.
    read("Terminating due to java.lang.OutOfMemoryError", PipeCodec.format(new Grant(1)),
        line(new ResultLine(downloaded(5))));

    assertThat(events()).containsExactly(new WorkerEvent.Finished(downloaded(5)));
    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
        "worker 2 wrote a line that is not a result: not a message: "
            + "Terminating due to java.lang.OutOfMemoryError",
        "worker 2 wrote a line that is not a result: not a message: " + PipeCodec.format(
            new Grant(1)));
    assertThat(heard).hasValue(3);
  }

  @Test
  void doneClosesTheChildsInputAndGivesItsPeakMemory() throws IOException {
    long peakRss = read(line(new ResultLine(downloaded(4))), line(new Done(1234, 5678)));

    assertThat(peakRss).isEqualTo(5678);
    assertThat(toChild.closed).isTrue();
  }

  @Test
  void aChunkEndGoesToItsListenerAndLeavesTheInputOpen() throws IOException {
    read(line(new ResultLine(downloaded(4))), line(new ChunkEnd(WORKER, 4321)));

    assertThat(chunkEnds).containsExactly(new ChunkEnd(WORKER, 4321));
    assertThat(toChild.closed).isFalse();
    assertThat(heard).hasValue(2);
  }

  @Test
  void withoutADoneLineTheInputStaysOpenAndThePeakIsUnknown() throws IOException {
    assertThat(read(line(new ResultLine(downloaded(4))))).isZero();
    assertThat(toChild.closed).isFalse();
  }

  @Test
  void acquireStartedAndReleaseGoToTheBrokerWhichAnswersTheChild() throws Exception {
    RecordingGate gate = new RecordingGate();
    try (GateBroker broker = new GateBroker(gate);
        PipedOutputStream child = new PipedOutputStream();
        PipedInputStream stdout = new PipedInputStream(child)) {
      CompletableFuture<Long> reading = CompletableFuture.supplyAsync(() -> {
        try {
          return reader(broker).read(stdout, heard::incrementAndGet);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      write(child, new Acquire(7, "example.org", 1_000));
      Await.until("a grant for the child", Duration.ofSeconds(10),
          () -> toChild.toString().equals(PipeCodec.format(new Grant(7)) + "\n"));
      write(child, new Started(7));
      write(child, new Release(7));
      child.close();
      reading.get(10, TimeUnit.SECONDS);

      assertThat(gate.calls).containsExactly("acquire example.org", "started", "close");
      assertThat(events()).isEmpty();
    }
  }

  private static void write(PipedOutputStream child, ToParent message) throws IOException {
    child.write((line(message) + "\n").getBytes(StandardCharsets.UTF_8));
    child.flush();
  }

  /** The child's input: what the parent wrote to it, and whether it was closed. */
  private static final class ClosingWriter extends StringWriter {
    volatile boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A gate that grants at once and records what was done with each permit. */
  private static final class RecordingGate implements HostGate {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Permit acquire(String host, long deadlineNanos) {
      calls.add("acquire " + host);
      return new Permit() {
        @Override
        public void started() {
          calls.add("started");
        }

        @Override
        public void close() {
          calls.add("close");
        }
      };
    }
  }
}
