package dev.imgdl.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the job in this JVM, as spark-submit runs it: its exit code, what it printed on
 * standard output and error, and whether it asked for a Spark session. The tests' one way to run
 * the job, on a session ({@link LocalSpark}) or on none, where a job that asks for one fails.
 */
record JobRun(int code, String out, String err, boolean asked) {

  /** The job with {@code args} on {@code spark}. */
  static JobRun on(SparkSession spark, String... args) {
    return run(spark, args);
  }

  /** The job with {@code args} on {@code spark}. */
  static JobRun on(SparkSession spark, List<String> args) {
    return run(spark, args.toArray(String[]::new));
  }

  /** The job with {@code args} and no session: asking for one fails the run. */
  static JobRun withoutSession(String... args) {
    return run(null, args);
  }

  /** The job with {@code args} and no session: asking for one fails the run. */
  static JobRun withoutSession(List<String> args) {
    return run(null, args.toArray(String[]::new));
  }

  private static JobRun run(SparkSession spark, String[] args) {
    AtomicBoolean asked = new AtomicBoolean();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkDownload.run(() -> {
      asked.set(true);
      if (spark == null) {
        throw new IllegalStateException("no Spark session in this test");
      }
      return spark;
    }, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new JobRun(code, out.toString(), err.toString(), asked.get());
  }
}
