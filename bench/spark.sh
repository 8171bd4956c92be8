#!/usr/bin/env bash
# The same list of ROWS distinct URLs (default 100,000 small images from the local corpus, one
# per line) through SparkDownload in local[2] (java -cp with Spark's jars) and through the CLI
# into webdataset shards, side by side: wall time, rows/s, CPU time and peak RSS, and Spark's
# overhead as the ratio of wall times. See docs/spark.md.
set -euo pipefail
# its own port, so that it can run beside the other benchmarks' nginx
PORT=${PORT:-18095}
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/spark.sh

environment: ROWS (100000), WORKERS (16 per task / -w of the CLI), PARTITIONS (2), PORT (18095),
WORK (/tmp/imgdl-spark-bench), IMGDL_JAR (target/imgdl.jar), IMGDL_SPARK_JAR
(target/imgdl-spark.jar), JAVA (java), NSMALL (1000), NLARGE (8).
EOF
}

parse_args -- "$@"
operands 0 0
rows=${ROWS:-100000} partitions=${PARTITIONS:-2}
positive ROWS "$rows"
positive PARTITIONS "$partitions"
workers_default
work=${WORK:-/tmp/imgdl-spark-bench}
spark_jar=${IMGDL_SPARK_JAR:-$ROOT/target/imgdl-spark.jar}
mkdir -p "$work"

if [ ! -f "$IMGDL_JAR" ] || [ ! -f "$spark_jar" ]; then build_jars; fi
# Spark and what it brings (the provided scope), without imgdl and what imgdl-spark.jar shades.
# test-compile: without `mvn install`, Maven finds the core module's classes only when the
# reactor has built them in the same command (the core's classes are then left out here)
if [ ! -s "$work/spark-classpath.txt" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl spark -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark-classpath.raw")
  tr ':' '\n' < "$work/spark-classpath.raw" \
    | grep -Ev '/(imgdl-|okhttp|okio|kotlin|picocli|commons-csv|wiremock|junit|assertj|opentest4j|apiguardian)' \
    | grep -Ev '/target/(test-)?classes$' | paste -sd: > "$work/spark-classpath.txt"
fi

# the corpus: ROWS distinct URLs (hard links of a few small images) served by nginx on 127.0.0.1
export NSTEADY=$rows NSMALL=${NSMALL:-1000} NLARGE=${NLARGE:-8}
WORK=$work/corpus
start_corpus
head -n "$rows" "$WORK/steady.txt" > "$work/list.txt"

spark_row() { # NAME OUTPUT COMMAND... -> one Markdown row
  local name=$1 out=$2; shift 2
  rm -rf "$out"
  local start end
  start=$(date +%s.%N)
  "$TIME_BIN" -f '%U %S %M' -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" \
    || { echo "$name failed (exit $?): see $work/$name.err" >&2; }
  end=$(date +%s.%N)
  read -r user sys rss < <(tail -n 1 "$work/$name.time")
  awk -v n="$name" -v r="$rows" -v s="$start" -v e="$end" -v u="$user" -v y="$sys" -v m="$rss" \
    'BEGIN { w = e - s; printf "| %s | %d | %.1f | %.0f | %.1f | %.0f |\n", n, r, w, r / w, u + y, m / 1024 }' \
    | tee -a "$work/table.md"
  echo "$end - $start" | bc > "$work/$name.wall"
}

: > "$work/table.md"
echo "| run | rows | wall s | rows/s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
spark_row cli "$work/cli-out" "$JAVA" -jar "$IMGDL_JAR" -q -w "$WORKERS" \
  --output-format webdataset -o "$work/cli-out" "$work/list.txt"
spark_row spark "$work/spark-out" "$JAVA" -Xmx2g -cp "$spark_jar:$(cat "$work/spark-classpath.txt")" \
  -Dspark.master="local[2]" -Dspark.driver.bindAddress=127.0.0.1 -Dspark.driver.host=127.0.0.1 \
  -Dspark.ui.enabled=false -Dspark.ui.showConsoleProgress=false \
  dev.imgdl.spark.SparkDownload -w "$WORKERS" --partitions "$partitions" \
  "$work/list.txt" "file://$work/spark-out"
awk -v c="$(cat "$work/cli.wall")" -v s="$(cat "$work/spark.wall")" \
  'BEGIN { printf "\nSpark overhead: %.2fx the CLI wall time (%+.1f s)\n", s / c, s - c }' | tee -a "$work/table.md"
grep -h 'entries' "$work/spark.out" || true
