package dev.imgdl.core.image.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.image.ImageFormat;
import dev.imgdl.core.image.transform.TransformResult.Transformed;
import dev.imgdl.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixels in flight stay within the budget, and every path gives them back. */
class PixelBudgetTest {
  @TempDir Path dir;

  @Test
  void manyThreadsNeverHoldMoreThanTheBudgetAndAllOfItComesBack() throws Exception {
    PixelBudget budget = new PixelBudget(1_000);
    AtomicLong held = new AtomicLong();
    AtomicLong peak = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<?>> tasks = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long want = 1 + (i * 37L) % 700;
      tasks.add(pool.submit(() -> {
        try (PixelBudget.Permit permit = budget.acquire(want)) {
          peak.accumulateAndGet(held.addAndGet(want), Math::max);
          Thread.yield();
          held.addAndGet(-want);
        }
        return null;
      }));
    }
    for (Future<?> task : tasks) {
      task.get();
    }
    pool.shutdown();

    assertThat(peak.get()).isLessThanOrEqualTo(1_000).isGreaterThan(700);
    assertThat(budget.available()).isEqualTo(1_000);
  }

  @Test
  void anImageLargerThanTheBudgetWaitsUntilItIsAlone() throws Exception {
    PixelBudget budget = new PixelBudget(100);
    PixelBudget.Permit small = budget.acquire(10);
    CountDownLatch started = new CountDownLatch(1);
    Thread big = new Thread(() -> {
      started.countDown();
      try (PixelBudget.Permit permit = budget.acquire(1_000_000)) {
        assertThat(budget.available()).isZero();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    big.start();
    started.await();
    Await.until("the big one waiting", Duration.ofSeconds(10),
        () -> big.getState() == Thread.State.WAITING);

    small.close();
    big.join(10_000);

    assertThat(big.isAlive()).isFalse();
    assertThat(budget.available()).isEqualTo(100);
  }

  @Test
  void waitingIsInterruptibleAndTakesNothing() throws Exception {
    PixelBudget budget = new PixelBudget(100);
    PixelBudget.Permit all = budget.acquire(100);
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> budget.acquire(1)).isInstanceOf(InterruptedException.class);
    all.close();
    all.close(); // closing twice gives back once
    assertThat(budget.available()).isEqualTo(100);
  }

  @Test
  void transformsGiveTheBudgetBackOnSuccessAndOnFailure() throws Exception {
    PixelBudget budget = new PixelBudget(1_000_000);
    ImageTransform transform =
        new ImageTransform(TransformSettings.builder().size(32).build(), budget);
    Path good = Pictures.write(dir, "good.png", ImageTransformTest.noise(100, 80), "png");
    byte[] png = Pictures.encode(ImageTransformTest.noise(100, 80), "png");
    Path bad = Pictures.write(dir, "bad.png", java.util.Arrays.copyOf(png, 60));

    assertThat(transform.apply(good, ImageFormat.PNG, dir.resolve("a")))
        .isInstanceOf(Transformed.class);
    assertThat(transform.apply(bad, ImageFormat.PNG, dir.resolve("b")))
        .isInstanceOf(TransformResult.Refused.class);
    assertThat(budget.available()).isEqualTo(1_000_000);
  }
}
