package dev.imgdl.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.dataset.OutputLayout;
import dev.imgdl.download.TempFiles;
import dev.imgdl.input.Entry;
import dev.imgdl.input.PlanView;
import dev.imgdl.result.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last shard of a list shorter than the shard size, whose results arrive before planning
 * ends: the shard is opened with slots for a full shard, and is written when planning ends.
 * (bench/dataset.sh's warm-up, 1,000 rows at the default size, failed there with a
 * NullPointerException on the unused slots.)
 */
class ShardAssemblerTest {
  @TempDir Path dir;

  @Test
  void aShortLastShardSettledBeforePlanningEndsIsWrittenWhenPlanningEnds() throws IOException {
    List<Entry> entries = List.of(new Entry(0, "list.txt", 1, "http://127.0.0.1:1/a.png"),
        new Entry(1, "list.txt", 2, "http://127.0.0.1:1/b.png"),
        new Entry(2, "list.txt", 3, "http://127.0.0.1:1/c.png"));
    int[] planned = {3};
    PlanView view = new PlanView() {
      @Override
      public int planned() {
        return planned[0];
      }

      @Override
      public Entry entry(int index) {
        return entries.get(index);
      }

      @Override
      public boolean finished() {
        return false;
      }
    };
    OutputLayout layout = new OutputLayout(OutputLayout.Format.WEBDATASET, 0, 10,
        OutputLayout.Metadata.JSONL);
    ShardAssembler assembler = new ShardAssembler(layout, dir, "run1", new TempFiles(), false);
    assembler.planning(view);

    for (int i = 0; i < 3; i++) {
      assertThat(assembler.settle(Result.failed(i, 0, "HTTP 404"))).hasSize(1);
    }
    assertThat(dir.resolve("00000.tar")).doesNotExist();

    assertThat(assembler.planningEnded(3)).isEmpty();
    assertThat(dir.resolve("00000.tar")).exists();
    assertThat(Files.readAllLines(dir.resolve("00000.jsonl"))).hasSize(3);
  }
}
