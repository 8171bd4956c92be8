package dev.imgdl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imgdl.core.dataset.OutputLayout;
import dev.imgdl.core.download.TempFiles;
import dev.imgdl.core.input.Entry;
import dev.imgdl.core.input.PlanView;
import dev.imgdl.core.result.Result;
import dev.imgdl.core.result.Status;
import dev.imgdl.testing.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembler while planning streams: a shard is written once planning has passed its end and
 * its every entry is settled, and the last, shorter shard once planning has ended, whichever of
 * its results and the end of planning comes first.
 */
class ShardAssemblerTest {
  private static final OutputLayout LAYOUT =
      new OutputLayout(OutputLayout.Format.WEBDATASET, 0, 3, OutputLayout.Metadata.JSONL, null);

  @TempDir Path dir;
  private final List<Entry> entries = new ArrayList<>();
  private boolean finished;
  private final PlanView view = new PlanView() {
    @Override
    public int planned() {
      return entries.size();
    }

    @Override
    public Entry entry(int index) {
      return entries.get(index);
    }

    @Override
    public boolean finished() {
      return finished;
    }
  };

  private ShardAssembler assembler() throws java.io.IOException {
    ShardAssembler assembler = new ShardAssembler(LAYOUT, dir, "t", new TempFiles(), false,
        false);
    assembler.planning(view);
    return assembler;
  }

  private void plan(int n) {
    for (int i = entries.size(); i < n; i++) {
      entries.add(Entry.of(i, "list.txt", i + 1, "http://h/" + i + ".png"));
    }
  }

  /** A download staged where a worker would have written it. */
  private Result staged(int index) throws Exception {
    String name = TempFiles.PREFIX + "t" + Placement.STAGE_MARK + "0000" + index + ".png";
    Files.write(dir.resolve(name), Images.png());
    return Result.builder(index, Status.DOWNLOADED).file(name).bytes(Images.png().length)
        .sha256("ab").contentType("image/png").httpStatus(200).attempts(1).worker(0).millis(1)
        .build();
  }

  @Test
  void theLastShorterShardIsWrittenWhenPlanningEndsAfterItsResults() throws Exception {
    ShardAssembler assembler = assembler();
    plan(4);
    assertThat(assembler.settle(Result.failed(0, 0, "HTTP 404"))).hasSize(1);
    assertThat(assembler.settle(staged(3))).as("held: planning may add to shard 1").isEmpty();
    plan(5);
    assertThat(assembler.settle(staged(4))).isEmpty();
    assertThat(assembler.settle(Result.failed(1, 0, "HTTP 404"))).hasSize(1);
    List<Result> shard0 = assembler.settle(staged(2));
    assertThat(shard0).extracting(Result::file).containsExactly("00000.tar/000000002.png");
    finished = true;

    List<Result> released = assembler.planningEnded(5);

    assertThat(released).extracting(Result::file)
        .containsExactly("00001.tar/000010000.png", "00001.tar/000010001.png");
    assertThat(Map.of("tar", Files.exists(dir.resolve("00001.tar")),
        "jsonl", Files.exists(dir.resolve("00001.jsonl"))))
        .containsEntry("tar", true).containsEntry("jsonl", true);
    assertThat(Files.readAllLines(dir.resolve("00001.jsonl"))).hasSize(2);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("00000.jsonl", "00000.tar", "00000_stats.json", "00001.jsonl",
              "00001.tar", "00001_stats.json", "imgdl-layout.json");
    }
  }

  @Test
  void theLastShorterShardIsWrittenByItsLastResultWhenPlanningEndedFirst() throws Exception {
    ShardAssembler assembler = assembler();
    plan(2);
    finished = true;
    assertThat(assembler.planningEnded(2)).isEmpty();
    assertThat(assembler.settle(staged(0))).isEmpty();

    assertThat(assembler.settle(Result.failed(1, 0, "HTTP 404")))
        .extracting(Result::status).containsExactly(Status.FAILED, Status.DOWNLOADED);
    assertThat(Files.readAllLines(dir.resolve("00000.jsonl"))).hasSize(2);
  }
}
