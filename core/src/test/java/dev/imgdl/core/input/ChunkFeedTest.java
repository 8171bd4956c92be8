package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkFeedTest {
  private final ChunkFeed<String> feed = new ChunkFeed<>();

  @Test
  void itemsComeOutInTheOrderTheyWereAddedThenTheEnd() throws Exception {
    feed.add("a");
    feed.add("b");
    feed.end();

    assertThat(feed.exhausted()).isFalse();
    assertThat(feed.next()).isEqualTo("a");
    assertThat(feed.next()).isEqualTo("b");
    assertThat(feed.next()).isNull();
    assertThat(feed.exhausted()).isTrue();
  }

  @Test
  void nextWaitsForAnItemAndReturnsItOnceAdded() throws Exception {
    Thread taker = Thread.currentThread();
    CompletableFuture<String> taken = CompletableFuture.supplyAsync(() -> {
      try {
        return feed.next();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Await.until("next() waiting", Duration.ofSeconds(10), () -> !taken.isDone()
        && Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t != taker && t.getState() == Thread.State.WAITING
                && List.of(t.getStackTrace()).stream()
                    .anyMatch(f -> f.getClassName().equals(ChunkFeed.class.getName()))));
    assertThat(taken).isNotDone();

    feed.add("a");

    assertThat(taken.get(10, TimeUnit.SECONDS)).isEqualTo("a");
  }

  @Test
  void theEndWakesAWaitingTakerWithNothing() throws Exception {
    CompletableFuture<Boolean> awaited = CompletableFuture.supplyAsync(() -> {
      try {
        return feed.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    feed.end();

    assertThat(awaited.get(10, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void stopDropsWhatWasNotTakenAndIgnoresLaterItems() throws Exception {
    feed.add("a");
    feed.add("b");
    assertThat(feed.next()).isEqualTo("a");

    feed.stop();
    feed.add("c");

    assertThat(feed.next()).isNull();
    assertThat(feed.nextBatch(10)).isEmpty();
  }

  @Test
  void aBatchHoldsWhatIsThereAtMostMax() throws Exception {
    feed.add("a");
    feed.add("b");
    feed.add("c");

    assertThat(feed.nextBatch(2)).containsExactly("a", "b");
    assertThat(feed.nextBatch(2)).containsExactly("c");
    feed.end();
    assertThat(feed.nextBatch(2)).isEmpty();
  }

  @Test
  void anInterruptEndsTheWait() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(feed::next).isInstanceOf(InterruptedException.class);
  }

  @Test
  void addingAfterTheEndBreaksTheContract() {
    feed.end();

    assertThatThrownBy(() -> feed.add("a")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after the end");
  }

  @Test
  void aFeedOfAListIsEndedAlready() throws Exception {
    ChunkFeed<String> of = ChunkFeed.of(List.of("x"));

    assertThat(of.nextBatch(5)).containsExactly("x");
    assertThat(of.exhausted()).isTrue();
  }
}
