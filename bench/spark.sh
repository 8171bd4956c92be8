#!/usr/bin/env bash
# The same list of ROWS distinct URLs (default 100,000 small images from the local corpus, one
# per line) through the CLI into webdataset shards, through SparkDownload in local[2] (java -cp
# with Spark's jars) and on a standalone cluster of a master and two 1-core workers that the
# script starts on 127.0.0.1 (and stops on every exit), side by side: wall time, rows/s, CPU
# time and peak RSS, and Spark's overhead as the ratio of wall times. See docs/spark.md.
set -euo pipefail
# its own port, so that it can run beside the other benchmarks' nginx
PORT=${PORT:-18095}
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/spark.sh [--no-cluster]

  --no-cluster  leave out the standalone cluster's row (also CLUSTER=0)

environment: ROWS (100000), WORKERS (16 per task / -w of the CLI), PARTITIONS (2), PORT (18095),
WORK (/tmp/imgdl-spark-bench), IMGDL_JAR (target/imgdl.jar), IMGDL_SPARK_JAR
(target/imgdl-spark.jar), JAVA (java), NSMALL (1000), NLARGE (8), CLUSTER (1).

The cluster row's CPU and peak RSS are the driver's (the submitting JVM) plus its two
executors' (their CPU time, and the sum of their peak RSS as sampled); the master's and the
workers' own JVMs are not counted.
EOF
}

CLUSTER=${CLUSTER:-1}
parse_args --no-cluster:CLUSTER=0 -- "$@"
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
# Logback too (as in the spark module's SparkProcesses): beside Spark's log4j it can win SLF4J's
# pick and log everything at DEBUG in the cluster's JVMs.
not_spark='/(imgdl-|okhttp|okio|kotlin|picocli|commons-csv|wiremock|junit|assertj|opentest4j'
not_spark+='|apiguardian|logback|twelvemonkeys)|/target/(test-)?classes$'
if [ ! -s "$work/spark-classpath.txt" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl spark -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark-classpath.raw")
  tr ':' '\n' < "$work/spark-classpath.raw" | grep -Ev "$not_spark" | paste -sd: \
    > "$work/spark-classpath.txt"
fi

# the corpus: ROWS distinct URLs (hard links of a few small images) served by nginx on 127.0.0.1
export NSTEADY=$rows NSMALL=${NSMALL:-1000} NLARGE=${NLARGE:-8}
WORK=$work/corpus
start_corpus
head -n "$rows" "$WORK/steady.txt" > "$work/list.txt"

# run_timed NAME OUTPUT COMMAND...: COMMAND under GNU time, its output in $work/NAME.*; sets
# R_WALL (s), R_CPU (user + system s) and R_RSS_KB (its peak)
run_timed() {
  local name=$1 out=$2 start end user sys; shift 2
  rm -rf "$out"
  start=$(date +%s.%N)
  "$TIME_BIN" -f '%U %S %M' -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" \
    || { echo "$name failed (exit $?): see $work/$name.err" >&2; }
  end=$(date +%s.%N)
  read -r user sys R_RSS_KB < <(tail -n 1 "$work/$name.time")
  R_WALL=$(echo "$end - $start" | bc)
  R_CPU=$(echo "$user + $sys" | bc)
  echo "$R_WALL" > "$work/$name.wall"
}

# row LABEL: one Markdown row of the last run_timed
row() {
  awk -v n="$1" -v r="$rows" -v w="$R_WALL" -v c="$R_CPU" -v m="$R_RSS_KB" \
    'BEGIN { printf "| %s | %d | %.1f | %.0f | %.1f | %.0f |\n", n, r, w, r / w, c, m / 1024 }' \
    | tee -a "$work/table.md"
}

# The standalone cluster: a Spark home whose jars/ links Spark's jars (a worker builds its
# executors' class path from it), a master and two workers, each in a process group of its own
# (setsid) so that stop_cluster ends it with its executors.
CLUSTER_PIDS=()
# Without SPARK_SCALA_VERSION a worker's launcher looks for a build's folders and every executor
# dies; SPARK_LOCAL_IP keeps everything on 127.0.0.1. (A command, not a function: GNU time runs
# it, and `$!` is then the JVM's pid.)
spark_env=(env "SPARK_HOME=$work/spark-home" "SPARK_CONF_DIR=$work/spark-home/conf"
  SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1)
start_daemon() { # NAME MAINCLASS ARG...
  local name=$1; shift
  "${spark_env[@]}" setsid "$JAVA" -Xmx256m -Dspark.master.rest.enabled=false \
    -Dspark.ui.enabled=false -cp "$work/spark-home/jars/*" "$@" \
    > "$work/cluster/$name.log" 2>&1 < /dev/null &
  CLUSTER_PIDS+=($!)
}
# wait_for WHAT SECONDS COMMAND...: until COMMAND succeeds, at most SECONDS
wait_for() {
  local what=$1 bound=$2 end=$(( SECONDS + $2 )); shift 2
  until "$@" > /dev/null; do
    [ "$SECONDS" -lt "$end" ] || die "no $what after $bound s (see $work/cluster/)"
    sleep 0.2
  done
}
master_url() {
  grep -o 'spark://127\.0\.0\.1:[0-9]*' "$work/cluster/master.log" 2>/dev/null | head -n1
}
workers_registered() {
  [ "$(grep -c 'Registering worker 127.0.0.1' "$work/cluster/master.log")" = 2 ]
}
start_cluster() {
  local jar w
  rm -rf "$work/cluster" "$work/spark-home"
  mkdir -p "$work/cluster" "$work/spark-home/jars" "$work/spark-home/conf"
  # (filtered again: a list cached by an earlier version of this script may hold Logback)
  for jar in $(tr ':' '\n' < "$work/spark-classpath.txt" | grep -Ev "$not_spark" \
                | grep '\.jar$'); do
    ln -sf "$jar" "$work/spark-home/jars/"
  done
  CLEANUP_HOOK=stop_cluster
  start_daemon master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0
  wait_for "master URL" 120 master_url
  MASTER_URL=$(master_url)
  for w in 1 2; do
    mkdir -p "$work/cluster/work-$w"
    start_daemon "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
      --webui-port 0 --cores 1 --memory 1g --work-dir "$work/cluster/work-$w" "$MASTER_URL"
  done
  wait_for "two workers registered" 120 workers_registered
  log "standalone cluster at $MASTER_URL (master and workers: pids ${CLUSTER_PIDS[*]})"
}
# stop_cluster: TERM each daemon's process group (its executors too), KILL what is left after 10 s
stop_cluster() {
  local pid end=$(( SECONDS + 10 ))
  [ ${#CLUSTER_PIDS[@]} -gt 0 ] || return 0
  for pid in "${CLUSTER_PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do
    while pgrep -g "$pid" > /dev/null && [ "$SECONDS" -lt "$end" ]; do sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  CLUSTER_PIDS=()
}

# The executors are the workers' children, not the submit's: their CPU is read from the workers'
# counters of reaped children (cutime + cstime, /proc/PID/stat) before and after the run, and
# their RSS sampled as each worker's tree (benchlib.py peak counts the descendants, not the root).
children_cpu() { # PID -> the CPU seconds of its reaped children
  awk -v t="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.2f\n", ($14 + $15) / t }' \
    "/proc/$1/stat"
}
no_executors() {
  ! pgrep -P "${CLUSTER_PIDS[1]}" > /dev/null && ! pgrep -P "${CLUSTER_PIDS[2]}" > /dev/null
}
executors_watch() { # start | stop: add the executors' CPU and peak RSS to R_CPU and R_RSS_KB
  local w
  if [ "$1" = start ]; then
    EXEC_CPU0=0 SAMPLERS=()
    for w in 1 2; do
      EXEC_CPU0=$(echo "$EXEC_CPU0 + $(children_cpu "${CLUSTER_PIDS[$w]}")" | bc)
      "$PYTHON" "$BENCH_DIR/benchlib.py" peak "${CLUSTER_PIDS[$w]}" "$work/cluster/peak-$w" \
        "$RSS_INTERVAL" &
      SAMPLERS+=($!)
    done
    return
  fi
  wait_for "end of the executors" 120 no_executors
  kill -TERM "${SAMPLERS[@]}" 2>/dev/null || true
  wait "${SAMPLERS[@]}" 2>/dev/null || true
  for w in 1 2; do
    R_CPU=$(echo "$R_CPU + $(children_cpu "${CLUSTER_PIDS[$w]}")" | bc)
    R_RSS_KB=$(( R_RSS_KB + $(cat "$work/cluster/peak-$w") ))
  done
  R_CPU=$(echo "$R_CPU - $EXEC_CPU0" | bc)
}

overhead() { # NAME LABEL: the wall time of run NAME against the CLI's
  awk -v c="$(cat "$work/cli.wall")" -v s="$(cat "$work/$1.wall")" -v l="$2" \
    'BEGIN { printf "%s: %.2fx the CLI wall time (%+.1f s)\n", l, s / c, s - c }' \
    | tee -a "$work/table.md"
}

: > "$work/table.md"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | rows | wall s | rows/s | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|---|"
run_timed cli "$work/cli-out" "$JAVA" -jar "$IMGDL_JAR" -q -w "$WORKERS" \
  --output-format webdataset -o "$work/cli-out" "$work/list.txt"
row "CLI (\`java -jar\`, webdataset)"
spark_conf=(spark.driver.bindAddress=127.0.0.1 spark.driver.host=127.0.0.1
  spark.ui.enabled=false spark.ui.showConsoleProgress=false)
submit_conf=()
for c in "${spark_conf[@]}" spark.executor.memory=1g spark.executor.cores=1; do
  submit_conf+=(--conf "$c")
done
run_timed spark "$work/spark-out" "$JAVA" -Xmx2g \
  -cp "$spark_jar:$(cat "$work/spark-classpath.txt")" -Dspark.master="local[2]" \
  "${spark_conf[@]/#/-D}" dev.imgdl.spark.SparkDownload -w "$WORKERS" \
  --partitions "$partitions" "$work/list.txt" "file://$work/spark-out"
row "Spark \`local[2]\`"
if [ "$CLUSTER" = 1 ]; then
  start_cluster
  executors_watch start
  # client mode: the driver is this JVM, its executors (1 core, 1 GB each) the workers' children
  run_timed cluster "$work/cluster-out" "${spark_env[@]}" "$JAVA" -Xmx1g \
    -cp "$work/spark-home/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$MASTER_URL" --deploy-mode client --class dev.imgdl.spark.SparkDownload \
    "${submit_conf[@]}" \
    "$spark_jar" -w "$WORKERS" --partitions "$partitions" --shared-local-path \
    "$work/list.txt" "file://$work/cluster-out"
  executors_watch stop
  row "Spark standalone, 2 workers × 1 core"
  stop_cluster
fi
echo
overhead spark "Spark local[2] overhead"
[ "$CLUSTER" = 0 ] || overhead cluster "Spark standalone overhead"
grep -h 'entries' "$work/spark.out" "$work/cluster.out" 2>/dev/null || true
