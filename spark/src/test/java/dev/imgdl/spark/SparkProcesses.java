package dev.imgdl.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The JVMs of a standalone cluster for a test: the master and workers started directly by their
 * main classes on Spark's jars (those of the spark module's provided scope, linked into a Spark
 * home's {@code jars/}, where a worker's launcher looks for an executor's class path), and the
 * drivers by {@code SparkSubmit}. Everything listens on 127.0.0.1 only. {@link #close} kills
 * every process started and its descendants (the workers' executors); a shutdown hook does it
 * too if the test JVM ends first.
 */
final class SparkProcesses implements AutoCloseable {
  /** What imgdl-spark.jar holds itself, and the tests' own jars: not Spark's. */
  private static final Pattern NOT_SPARK = Pattern.compile(
      "/(imgdl-|okhttp|okio|kotlin|picocli|commons-csv|wiremock|junit|assertj|opentest4j"
          + "|apiguardian|logback|twelvemonkeys)|/target/(test-)?classes$");

  /**
   * Short-lived JVMs on a shared 2-core machine: C1 only and one GC thread, so that the JIT and
   * the collector do not take the cores the test's own work needs.
   */
  private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";
  private static final String SERIAL_GC = "-XX:+UseSerialGC";
  private static final String QUICK = QUICK_JIT + " " + SERIAL_GC;

  private final List<Process> started = new ArrayList<>();
  private final Thread hook = new Thread(this::close, "spark-processes-end");
  private Path home;

  SparkProcesses() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** A Spark home at {@code dir}: {@code jars/} linking Spark's jars from the Maven repository. */
  Path sparkHome(Path dir) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    String list = Files.readString(Path.of(System.getProperty("imgdl.spark.classpath"))).strip();
    for (String entry : list.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (!NOT_SPARK.matcher(entry).find() && entry.endsWith(".jar")) {
        Path link = jars.resolve(jar.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, jar);
        }
      }
    }
    home = dir;
    return dir;
  }

  /** Starts {@code mainClass} (a master or worker) with its output in {@code dir/NAME.log}. */
  Process start(String name, Path dir, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", QUICK_JIT, SERIAL_GC,
        "-Dspark.master.rest.enabled=false", "-Dspark.ui.enabled=false",
        "-cp", home.resolve("jars") + "/*", mainClass));
    command.addAll(List.of(args));
    return launch(name, dir, command);
  }

  /** Submits the job to {@code master} in client mode; the driver's output in NAME.log. */
  Process submit(String name, Path dir, Path sparkHome, String master, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", QUICK_JIT, SERIAL_GC,
        "-cp", sparkHome.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
        "--master", master, "--deploy-mode", "client",
        "--class", "dev.imgdl.spark.SparkDownload",
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.ui.showConsoleProgress=false",
        "--conf", "spark.executor.memory=512m",
        "--conf", "spark.executor.cores=1",
        // Spark's 200 shuffle partitions would be 200 tasks per stage on two single cores.
        "--conf", "spark.sql.shuffle.partitions=2",
        "--conf", "spark.executor.extraJavaOptions=" + QUICK,
        System.getProperty("imgdl-spark.jar")));
    command.addAll(List.of(args));
    return launch(name, dir, command);
  }

  /** An executor JVM a worker started, found among the workers' descendants. */
  ProcessHandle executorOf(List<Process> workers) {
    return workers.stream()
        .flatMap(Process::descendants)
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no executor JVM under the workers"));
  }

  private synchronized Process launch(String name, Path dir, List<String> command)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", home.toString());
    // Without it, a worker's launcher looks for a build's folders to learn Scala's version.
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
    Process p = builder.start();
    started.add(p);
    return p;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Kills every process started, the last first, and all their descendants. */
  @Override
  public synchronized void close() {
    List<Process> all = new ArrayList<>(started);
    all.sort(Comparator.comparingInt(started::indexOf).reversed());
    for (Process p : all) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : all) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    started.clear();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyEnding) {
      // Called by the hook itself while the JVM ends.
    }
  }
}
