package dev.imgdl.core.download;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What every download-core test starts from: an empty output directory and a downloader. */
abstract class FetcherTestCase {
  @TempDir Path dir;
  Downloads downloads;

  @BeforeEach
  void newDownloads() {
    downloads = new Downloads(dir);
  }
}
