package dev.imgdl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An OUTPUT on the driver's local disk is refused when the master runs executors elsewhere,
 * before a Spark session is asked for, unless the user says the path is shared.
 */
class OutputStorageTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"/data/out, spark://127.0.0.1:7077", "out, yarn",
      "file:///data/out, k8s://https://127.0.0.1:6443", "file:/data/out, spark://h:7077"})
  void aLocalOutputOnAClusterIsRefused(String output, String master) {
    assertThatThrownBy(() -> OutputStorage.check(output, master, false))
        .isInstanceOf(UsageException.class)
        .hasMessage("OUTPUT " + output + " is a local path, but the master " + master
            + " runs executors on other machines: give storage that the driver and every "
            + "executor see (hdfs://, s3a://, ...), or --shared-local-path if every machine "
            + "mounts this path");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"/data/out, local", "/data/out, local[2]", "out, local[*]", "out, local[2,3]",
      "hdfs://nn:8020/out, yarn", "s3a://bucket/out, spark://127.0.0.1:7077",
      "gs://bucket/out, k8s://https://127.0.0.1:6443"})
  void sharedStorageOrALocalMasterIsAccepted(String output, String master) {
    assertThatCode(() -> OutputStorage.check(output, master, false)).doesNotThrowAnyException();
  }

  @Test
  void aPathSaidToBeSharedIsAcceptedOnACluster() {
    assertThatCode(() -> OutputStorage.check("/mnt/nfs/out", "yarn", true))
        .doesNotThrowAnyException();
  }

  @Test
  void theJobRefusesALocalOutputOnAClusterMasterBeforeASessionIsAskedFor() throws Exception {
    Path input = Files.writeString(dir.resolve("urls.txt"), "http://127.0.0.1:1/a.png\n");
    String out = dir.resolve("out").toString();

    JobRun refused = run("spark://127.0.0.1:7077", input.toString(), out);
    JobRun shared = run("spark://127.0.0.1:7077", "--shared-local-path", input.toString(), out);

    assertThat(refused.asked()).as("a session was asked for").isFalse();
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("imgdl: error: OUTPUT " + out + " is a local path, but "
        + "the master spark://127.0.0.1:7077 runs executors on other machines: give storage "
        + "that the driver and every executor see (hdfs://, s3a://, ...), or "
        + "--shared-local-path if every machine mounts this path\n");
    assertThat(shared.asked()).as("a session was asked for").isTrue();
  }

  @Test
  void helpNamesTheSharedLocalPathOption() {
    JobRun help = JobRun.withoutSession("--help");

    assertThat(help.out()).contains("--shared-local-path");
  }

  /** Runs the command as spark-submit would with {@code --master master}, without a session. */
  private static JobRun run(String master, String... args) {
    System.setProperty("spark.master", master);
    try {
      return JobRun.withoutSession(args);
    } finally {
      System.clearProperty("spark.master");
    }
  }
}
