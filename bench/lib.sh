# shellcheck shell=bash
# What the bench/*.sh scripts share: their option parsing (parse_args), defaults
# (quick_defaults, workers_default), setup (ensure_tools, setup_imgdl, start_corpus, results_dir)
# and the report's head (report_head), so that each script says only what it measures.
# Source it after `set -euo pipefail`; it only sets defaults until a function is called.

# the settings given in the environment, for the "exact command line" (before any default is set)
BENCH_ENV_LINE=
for _v in WORK PORT RUNS WORKERS IMGDL_JAR IMGDL_LAUNCHER NSMALL NLARGE NSTEADY NLATENCY LATENCY_MS \
          STARTUP_RUNS RUNNERS JAVA JAVA17 JAVA25 IMGDL_JAVA_OPTS IMGDL_CHILD_OPTS \
          TOOL_TIMEOUT RSS_INTERVAL SCALE_SIZES SCALE_JAVA_OPTS NROWS SHARD_SIZE DATASET_PARQUET; do
  if [ -n "${!_v:-}" ]; then BENCH_ENV_LINE+="$_v=$(printf '%q' "${!_v}") "; fi
done
unset _v

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
PORT=${PORT:-8088}
IMGDL_JAR=${IMGDL_JAR:-$ROOT/target/imgdl.jar}
JAVA=${JAVA:-java}
# the JDKs behind the launcher runs (and `java -jar` on JDK 25 in the start-up set)
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
# the launcher, target/imgdl by default: beside the jar that is tested
IMGDL_LAUNCHER=${IMGDL_LAUNCHER:-$(dirname "$IMGDL_JAR")/imgdl}
# the ways imgdl is run (see runner_label); RUNNERS or --runners picks a subset
ALL_RUNNERS=(jar launcher17 launcher25)
# shellcheck disable=SC2034  # used by the scripts that source this file
RUNNERS_CSV=${RUNNERS:-$(IFS=,; echo "${ALL_RUNNERS[*]}")}
TIME_BIN=${TIME_BIN:-/usr/bin/time}
NGINX_ECHO_MODULE=/usr/lib/nginx/modules/ngx_http_echo_module.so
TOOL_TIMEOUT=${TOOL_TIMEOUT:-1800}
RSS_INTERVAL=${RSS_INTERVAL:-0.1}
if [ -z "${PYTHON:-}" ]; then
  # the system interpreter starts in ~20 ms; a pyenv shim can take ~150 ms
  if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
# extra options for the imgdl JVM (the parent), e.g. IMGDL_JAVA_OPTS="-XX:+UseSerialGC"
read -r -a IMGDL_JAVA_OPTS_A <<< "${IMGDL_JAVA_OPTS:-}"

NGINX_STARTED=0
CUR_PID=
# a function of the sourcing script that cleanup runs first (spark.sh stops its cluster there)
CLEANUP_HOOK=
BUILD=1 QUICK=0 RUNS_OPT='' WORKERS_OPT=''
# the options every measuring script takes, for parse_args
# shellcheck disable=SC2034  # used by the scripts that source this file
COMMON_OPTIONS=(--runs=RUNS_OPT --quick:QUICK=1 --runners=RUNNERS_CSV --no-build:BUILD=0)

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# usage_error MESSAGE: a wrong command line, in one line; exit status 2
usage_error() { log "$(basename "$0"): error: $* (see --help)"; exit 2; }

# parse_args SPEC... -- ARG...: the options of ARG, as SPEC says; the operands (from the first
# argument that is not an option, or after `--`) are left in array OPERANDS, all of ARG in
# BENCH_ARGS (for command_line). A SPEC "--name=VAR" takes a value into VAR (`--name V` or
# `--name=V`); "--name:VAR=VALUE" is a flag that sets VAR to VALUE. -h and --help print the
# script's `usage` and exit 0; an unknown option or a missing value is one line and exit 2.
parse_args() {
  local -A value_of=() flag_of=()
  local name
  while [ "$1" != -- ]; do
    case $1 in
      --*:*=*) flag_of[${1%%:*}]=${1#*:} ;;
      --*=*) value_of[${1%%=*}]=${1#*=} ;;
      *) die "parse_args: bad spec: $1" ;;
    esac
    shift
  done
  shift
  BENCH_ARGS=("$@")
  while [ $# -gt 0 ]; do
    name=${1%%=*}
    case $1 in
      -h|--help) usage; exit 0 ;;
      --) shift; break ;;
      -?*) ;;
      *) break ;;
    esac
    if [ -n "${flag_of[$1]:-}" ]; then
      printf -v "${flag_of[$1]%%=*}" '%s' "${flag_of[$1]#*=}"; shift
    elif [ -z "${value_of[$name]:-}" ]; then
      usage_error "unknown option: $1"
    elif [ "$name" != "$1" ]; then
      printf -v "${value_of[$name]}" '%s' "${1#*=}"; shift
    elif [ $# -ge 2 ]; then
      printf -v "${value_of[$name]}" '%s' "$2"; shift 2
    else
      usage_error "$1 needs a value"
    fi
  done
  # shellcheck disable=SC2034  # used by the scripts that source this file
  OPERANDS=("$@")
}

# operands MIN MAX: stop unless parse_args left MIN to MAX operands
operands() {
  if [ "$2" = 0 ] && [ ${#OPERANDS[@]} -gt 0 ]; then
    usage_error "unexpected argument: ${OPERANDS[0]}"
  elif [ ${#OPERANDS[@]} -lt "$1" ] || [ ${#OPERANDS[@]} -gt "$2" ]; then
    usage_error "$1 to $2 arguments expected, ${#OPERANDS[@]} given"
  fi
}

# positive NAME VALUE [MAX]: stop unless VALUE is a whole number from 1 (to MAX)
positive() {
  if ! [[ $2 =~ ^[1-9][0-9]*$ ]] || { [ -n "${3:-}" ] && [ "$2" -gt "$3" ]; }; then
    usage_error "$1 must be a whole number from 1${3:+ to $3}, not '$2'"
  fi
}

# scratch_dir: a new temporary directory in SCRATCH, removed when the script exits
scratch_dir() {
  SCRATCH=$(mktemp -d)
  trap 'rm -rf "$SCRATCH"' EXIT
}

# elapsed_ms CMD...: the wall time of CMD in ms (its output and exit status are dropped)
elapsed_ms() {
  local s
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - s) / 1000000 ))
}

# mean N... (rounded to a whole number) and median N...
mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.0f", s / NR}'; }
median() {
  printf '%s\n' "$@" | sort -n \
    | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# quick_defaults RUNS: after parse_args with COMMON_OPTIONS, the runs (--runs, else $RUNS, else
# RUNS, 1 with --quick) and the work directory; --quick also makes the corpus small (NSMALL=1000,
# NLARGE=8) and the work directory its own
quick_defaults() {
  if [ "$QUICK" = 1 ]; then
    export NSMALL=${NSMALL:-1000} NLARGE=${NLARGE:-8}
    RUNS=${RUNS_OPT:-${RUNS:-1}}
    WORK=${WORK:-/tmp/imgdl-bench-quick}
  else
    RUNS=${RUNS_OPT:-${RUNS:-$1}}
    WORK=${WORK:-/tmp/imgdl-bench}
  fi
  positive --runs "$RUNS"
}

# workers_default: WORKERS from --workers, else $WORKERS, else 16; at most 256 as imgdl's -w
workers_default() {
  WORKERS=${WORKERS_OPT:-${WORKERS:-16}}
  positive --workers "$WORKERS" 256
}

# ensure_tools CMD... : install the Debian packages of the missing commands (apt-get update once)
ensure_tools() {
  local missing=() c pkg
  for c in "$@"; do
    case $c in
      nginx) command -v nginx >/dev/null || missing+=(nginx-light) ;;
      # nginx's echo module, for the latency set's delay (nginx-light brings it on Debian 12)
      nginx-echo) [ -f "$NGINX_ECHO_MODULE" ] || missing+=(libnginx-mod-http-echo) ;;
      convert) [ -x /usr/bin/convert ] || missing+=(imagemagick) ;;
      time) [ -x "$TIME_BIN" ] || missing+=(time) ;;
      aria2c) command -v aria2c >/dev/null || missing+=(aria2) ;;
      python3) command -v "$PYTHON" >/dev/null || missing+=(python3) ;;
      *) command -v "$c" >/dev/null || missing+=("$c") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if ! apt-get install -y -qq "${missing[@]}" >/dev/null; then
    # Debian 13 has no nginx-light
    for pkg in "${!missing[@]}"; do [ "${missing[$pkg]}" = nginx-light ] && missing[pkg]=nginx; done
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ "$(basename "$PYTHON")" = python3 ] && ! command -v "$PYTHON" >/dev/null; then PYTHON=python3; fi
}

cleanup() {
  local rc=$?
  if [ -n "$CLEANUP_HOOK" ]; then "$CLEANUP_HOOK" || true; fi
  if [ -n "$CUR_PID" ] && kill -0 "$CUR_PID" 2>/dev/null; then
    # CUR_PID is a `timeout` process: it passes the signal to its whole process group
    kill -TERM "$CUR_PID" 2>/dev/null || true
    wait "$CUR_PID" 2>/dev/null || true
  fi
  if [ "$NGINX_STARTED" = 1 ] && [ -f "$WORK/nginx.pid" ]; then
    kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  fi
  exit "$rc"
}

# start_corpus: build (or reuse) the corpus in $WORK and start nginx; stop it on exit if we started it
start_corpus() {
  mkdir -p "$WORK"
  if ! { [ -f "$WORK/nginx.pid" ] && kill -0 "$(cat "$WORK/nginx.pid")" 2>/dev/null; }; then
    NGINX_STARTED=1
  fi
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  log "corpus in $WORK (NSMALL=${NSMALL:-10000} NLARGE=${NLARGE:-40}), nginx on 127.0.0.1:$PORT"
  PORT=$PORT "$BENCH_DIR/corpus.sh" "$WORK" >&2
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/small/$(basename "$(head -n1 "$WORK/small.txt")")" \
    || die "nginx does not serve the corpus on port $PORT (see $WORK/logs/error.log)"
  # warm the page cache so that the first tool measured is not penalised
  find "$WORK/www" -type f -exec cat {} + >/dev/null
}

# prepare_set SET: the expected names (DIR/SET.map: name, path under www; sorted by name), byte
# count and curl config of DIR/SET.txt
prepare_set() {
  local set=$1
  sed 's#^[a-z]*://[^/]*/##' "$WORK/$set.txt" | awk '{n = $0; sub(/.*\//, "", n); print n "\t" $0}' \
    | LC_ALL=C sort -t$'\t' -k1,1 > "$WORK/$set.map"
  sed 's#.*#url = "&"#' "$WORK/$set.txt" > "$WORK/$set.curl"
  # shellcheck disable=SC2034  # used by the scripts that source this file
  SET_FILES=$(wc -l < "$WORK/$set.txt")
  SET_BYTES=$(cd "$WORK/www" && cut -f2 "$WORK/$set.map" | xargs stat -L -c %s \
    | awk '{s+=$1} END {print s+0}')
}

# build_jars: the project's jars, built as its README says (tests skipped)
build_jars() {
  log "building the jars in $ROOT/target (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) >&2 || die "the build failed"
}

# ensure_jar: build the jar when it is missing (only at the default path), then snapshot it and
# the launcher into $WORK/under-test/ so that a rebuild during the benchmark cannot change them
# (the launcher runs the imgdl.jar beside itself). Sets HAVE_IMGDL, HAVE_LAUNCHER, IMGDL_RUN_JAR
# and IMGDL_RUN_LAUNCHER (the copies that are run) and IMGDL_CACHE (the launcher's
# XDG_CACHE_HOME, emptied here: the start-up archives are made again by warm_up).
ensure_jar() {
  HAVE_IMGDL=1 HAVE_LAUNCHER=0
  if ! [ -f "$IMGDL_JAR" ]; then
    if [ "$BUILD" = 1 ] && [ "$IMGDL_JAR" = "$ROOT/target/imgdl.jar" ]; then
      build_jars
      [ -f "$IMGDL_JAR" ] || die "the build did not make $IMGDL_JAR"
    else
      log "warning: $IMGDL_JAR not found (--no-build or IMGDL_JAR set): imgdl is left out"
      HAVE_IMGDL=0
      return 0
    fi
  fi
  local dir=$WORK/under-test
  mkdir -p "$dir"
  IMGDL_RUN_JAR=$dir/imgdl.jar IMGDL_RUN_LAUNCHER=$dir/imgdl IMGDL_CACHE=$WORK/xdg-cache
  IMGDL_JAR_DATE=$(stat -c %y "$IMGDL_JAR" | cut -d. -f1)
  cp "$IMGDL_JAR" "$IMGDL_RUN_JAR.tmp" && mv "$IMGDL_RUN_JAR.tmp" "$IMGDL_RUN_JAR"
  # The optional Parquet jar goes beside the copy, where imgdl.jar's Class-Path finds it.
  rm -f "$dir/imgdl-parquet.jar"
  if [ -f "$(dirname "$IMGDL_JAR")/imgdl-parquet.jar" ]; then
    cp "$(dirname "$IMGDL_JAR")/imgdl-parquet.jar" "$dir/imgdl-parquet.jar"
  fi
  rm -f "$IMGDL_RUN_LAUNCHER"
  if [ -f "$IMGDL_LAUNCHER" ]; then
    cp "$IMGDL_LAUNCHER" "$IMGDL_RUN_LAUNCHER.tmp" && chmod 755 "$IMGDL_RUN_LAUNCHER.tmp" \
      && mv "$IMGDL_RUN_LAUNCHER.tmp" "$IMGDL_RUN_LAUNCHER"
    HAVE_LAUNCHER=1
  else
    log "warning: no launcher at $IMGDL_LAUNCHER: the launcher runs are left out"
  fi
  rm -rf "$IMGDL_CACHE"; mkdir -p "$IMGDL_CACHE"
  IMGDL_VERSION=$("$JAVA" -jar "$IMGDL_RUN_JAR" --version 2>&1 | head -n1) \
    || die "$IMGDL_JAR does not run (java -jar ... --version): $IMGDL_VERSION"
}

# setup_imgdl: the jar under test (built when missing, see ensure_jar) and the runners of
# RUNNERS_CSV that can run here, in RUNNERS_A; stops when there is neither
setup_imgdl() {
  ensure_jar
  [ "$HAVE_IMGDL" = 1 ] || die "no imgdl jar at $IMGDL_JAR"
  select_runners "$RUNNERS_CSV"
  [ ${#RUNNERS_A[@]} -gt 0 ] || die "no runner can run here (launcher or JDK missing)"
}

# runner_java RUNNER: the java binary a runner uses
runner_java() {
  case $1 in
    jar) echo "$JAVA" ;;
    jar25|launcher25) echo "$JAVA25" ;;
    launcher17) echo "$JAVA17" ;;
  esac
}

# runner_label RUNNER: how a runner is written in the tables
runner_label() {
  case $1 in
    jar) echo "java -jar" ;;
    jar25) echo "java -jar, JDK 25" ;;
    launcher17) echo "launcher, JDK 17" ;;
    launcher25) echo "launcher, JDK 25" ;;
  esac
}

# select_runners CSV: the runners of CSV that can run here, in array RUNNERS_A (a warning for
# each one left out)
select_runners() {
  local r j
  RUNNERS_A=()
  IFS=, read -r -a _want <<< "$1"
  for r in "${_want[@]}"; do
    case $r in
      jar|jar25|launcher17|launcher25) ;;
      *) usage_error "unknown runner: $r (jar, jar25, launcher17, launcher25)" ;;
    esac
    j=$(runner_java "$r")
    if [[ $r == launcher* ]] && [ "${HAVE_LAUNCHER:-0}" != 1 ]; then continue; fi
    if ! command -v "$j" >/dev/null; then log "warning: no $j: runner $r is left out"; continue; fi
    RUNNERS_A+=("$r")
  done
}

# warm_up RUNNER...: before timing, two untimed runs of each runner: thread mode on one small
# image (the launcher creates its start-up archive), then process mode on four with -w 2 (a child
# JVM writes imgdl's class-data-sharing archive for children). Every run shares XDG_CACHE_HOME
# (IMGDL_CACHE), so timing starts in the steady state of an installed tool that has run before.
warm_up() {
  local r mode w n out=$WORK/out/warm-up
  for r in "$@"; do
    for mode in thread process; do
      if [ "$mode" = thread ]; then w=1 n=1; else w=2 n=4; fi
      head -n "$n" "$WORK/small.txt" > "$WORK/warm-up.txt"
      rm -rf "$out"; mkdir -p "$out"
      imgdl_cmd "$r" "$mode" "$w" "$out" "$WORK/warm-up.txt"
      log "warm-up of $r, $mode mode (untimed)"
      "${IMGDL_CMD[@]}" > "$WORK/warm-up-$r-$mode.log" 2>&1 </dev/null \
        || die "the warm-up of $r failed, see $WORK/warm-up-$r-$mode.log"
      [ "$(find "$out" -type f | wc -l)" = "$n" ] || die "the warm-up of $r did not download $n files"
    done
  done
  rm -rf "$out"
}

# rounds GROUP LIST: ROUNDS rounds of the tools in array SET_TOOLS on LIST, alternating the tools
# within a round and rotating who goes first from round to round (no tool always runs on a cold
# or warm machine). Each run is `one_run GROUP TOOL ROUND LIST`, defined by the calling script.
rounds() {
  local r k n=${#SET_TOOLS[@]}
  for (( r = 1; r <= ROUNDS; r++ )); do
    for (( k = 0; k < n; k++ )); do
      one_run "$1" "${SET_TOOLS[$(( (k + r - 1) % n ))]}" "$r" "$2"
    done
  done
}

# measure LOGFILE CMD...: run CMD under GNU time and a process-tree RSS sampler.
# Sets M_WALL (bash's $EPOCHREALTIME around the run, which includes ~2 ms to start `timeout` and
# `time`), M_USER, M_SYS, M_RSS_KB (max of time's %M and the sampled tree sum) and M_RC.
measure() {
  local logf=$1; shift
  local tf="$logf.time" pf="$logf.peak" spid line
  rm -f "$tf" "$pf"
  printf '%q ' "$@" > "$logf.cmd"
  local t0=${EPOCHREALTIME:-} t1
  timeout -k 10 "$TOOL_TIMEOUT" "$TIME_BIN" -f '%e %U %S %M' -o "$tf" "$@" >"$logf" 2>&1 </dev/null &
  CUR_PID=$!
  "$PYTHON" "$BENCH_DIR/benchlib.py" peak "$CUR_PID" "$pf" "$RSS_INTERVAL" &
  spid=$!
  M_RC=0
  wait "$CUR_PID" || M_RC=$?
  t1=${EPOCHREALTIME:-}
  CUR_PID=
  wait "$spid" || true
  line=$(tail -n1 "$tf" 2>/dev/null || true)
  if [[ $line =~ ^[0-9.]+\ [0-9.]+\ [0-9.]+\ [0-9]+$ ]]; then
    read -r M_WALL M_USER M_SYS M_RSS_KB <<< "$line"
    # GNU time's %e has 10 ms steps: use bash's microsecond clock when there is one
    if [ -n "$t0" ] && [ -n "$t1" ]; then
      M_WALL=$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN {printf "%.3f", b - a}')
    fi
  else
    M_WALL=0 M_USER=0 M_SYS=0 M_RSS_KB=0
    [ "$M_RC" = 0 ] && M_RC=125
  fi
  local tree
  tree=$(cat "$pf" 2>/dev/null || echo 0)
  [ "$tree" -gt "$M_RSS_KB" ] && M_RSS_KB=$tree
  return 0
}

# verify OUT SET: every file of DIR/SET.txt is in OUT with the right name, total bytes and
# SHA-256 (16 files spread over the list). Prints nothing when all is well, else the reason.
verify() { verify_names "$1" "$WORK/$2.map" "$SET_BYTES"; }

# verify_names OUT MAP BYTES: OUT holds exactly the files named in MAP (lines "NAME<TAB>PATH
# under www", sorted by name), BYTES bytes in all, and a sample of them equals the corpus files.
verify_names() {
  local out=$1 map=$2 want=$3 got bytes n step name path
  if [ ! -d "$out" ]; then echo "no output directory"; return; fi
  got=$(cd "$out" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort)
  if [ "$got" != "$(cut -f1 "$map")" ]; then
    n=$(printf '%s' "$got" | grep -c '' || true)
    echo "names differ: $n entries in OUT, $(grep -c '' "$map") expected"
    return
  fi
  bytes=$(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  if [ "$bytes" != "$want" ]; then echo "bytes $bytes, expected $want"; return; fi
  n=$(grep -c '' "$map"); step=$(( n / 16 > 0 ? n / 16 : 1 ))
  while IFS=$'\t' read -r name path; do
    if [ "$(sha256sum < "$out/$name")" != "$(sha256sum < "$WORK/www/$path")" ]; then
      echo "sha256 differs: $name"; return
    fi
  done < <(awk -v s="$step" '(NR - 1) % s == 0' "$map")
}

# rc_reason: the failure reason for the exit code of the last measure, or nothing
rc_reason() {
  case $M_RC in
    0) ;;
    124) echo "timed out after ${TOOL_TIMEOUT}s" ;;
    125) echo "no timing: GNU time was killed" ;;
    137) echo "exit 137 (killed)" ;;
    *) echo "exit $M_RC" ;;
  esac
}

# progress SET RUN RUNS NAME REASON: one line per measurement on standard error
progress() {
  log "$(printf '[%s %d/%d] %-26s %7.2fs wall %7.2fs cpu %7.1f MB %s' "$1" "$2" "$3" "$4" \
    "$M_WALL" "$(awk -v u="$M_USER" -v s="$M_SYS" 'BEGIN {print u+s}')" \
    "$(awk -v k="$M_RSS_KB" 'BEGIN {print k*1024/1e6}')" "${5:-ok}")"
}

# result_row GROUP TOOL RUN OK REASON: append the last measurement to $RESULTS
result_row() {
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" \
    "$M_WALL" "$M_USER" "$M_SYS" "$M_RSS_KB" "$M_RC" "$4" "$5" >> "$RESULTS"
}

# record_run GROUP TOOL RUN RUNS LABEL LOGFILE REASON: the last measurement into $RESULTS, its
# progress line (RUN of RUNS, TOOL shown as LABEL) and, when REASON says it failed, the end of
# the tool's LOGFILE
record_run() {
  local ok=1
  [ -z "$7" ] || ok=0
  result_row "$1" "$2" "$3" "$ok" "$7"
  progress "$1" "$3" "$4" "$5" "$7"
  if [ "$ok" = 0 ] && [ -s "$6" ]; then log "  $(tail -n 3 "$6" | tr '\n' ' ')"; fi
}

results_header() {
  printf 'group\ttool\trun\twall_s\tuser_s\tsys_s\trss_kb\trc\tok\treason\n' > "$RESULTS"
}

# results_dir NAME: a new RESDIR, $WORK/results/NAME-DATE, with RESULTS (its header written)
# and META (empty) in it
results_dir() {
  RESDIR=$WORK/results/$1-$(date +%Y%m%d-%H%M%S)
  mkdir -p "$RESDIR"
  RESULTS=$RESDIR/results.tsv META=$RESDIR/meta.tsv
  results_header
  : > "$META"
}

# report_head TITLE [LOAD [--no-peers]]: the report's title, the exact command line, the machine
# (LOAD: the load average at the start) and the tools' versions
report_head() {
  echo "# $1"
  echo
  echo "Command: \`$(command_line "${BENCH_ARGS[@]}")\`"
  echo
  # shellcheck disable=SC2119  # LOAD is optional
  if [ -n "${2:-}" ]; then machine_info "$2"; else machine_info; fi
  # shellcheck disable=SC2119  # --no-peers is optional
  if [ -n "${3:-}" ]; then tool_versions "$3"; else tool_versions; fi
}

# imgdl_cmd RUNNER MODE WORKERS OUT LIST [OPTION...]: the imgdl command line, in array IMGDL_CMD
# (the OPTIONs go before LIST).
# jar/jar25: JAVA (JAVA25) -jar with IMGDL_JAVA_OPTS; launcher17/launcher25: the launcher copy
# with IMGDL_JAVA set to JAVA17/JAVA25 and the same IMGDL_JAVA_OPTS. All with the benchmark's
# own XDG_CACHE_HOME (the launcher's start-up archives, the process-mode children's archive).
imgdl_cmd() {
  local runner=$1
  shift
  case $runner in
    jar|jar25) IMGDL_CMD=(env "XDG_CACHE_HOME=$IMGDL_CACHE" "$(runner_java "$runner")"
                          "${IMGDL_JAVA_OPTS_A[@]}" -jar "$IMGDL_RUN_JAR") ;;
    launcher*) IMGDL_CMD=(env "IMGDL_JAVA=$(runner_java "$runner")" "XDG_CACHE_HOME=$IMGDL_CACHE"
                          "IMGDL_JAVA_OPTS=${IMGDL_JAVA_OPTS_A[*]}" "$IMGDL_RUN_LAUNCHER") ;;
    *) die "unknown runner: $runner" ;;
  esac
  # shellcheck disable=SC2034  # used by the scripts that source this file
  IMGDL_CMD+=(-o "$3" -w "$2" --mode "$1" --per-host 0 -q --no-progress)
  if [ -n "${IMGDL_CHILD_OPTS:-}" ]; then
    IMGDL_CMD+=(--child-java-options "$IMGDL_CHILD_OPTS")
  fi
  IMGDL_CMD+=("${@:5}" "$4")
}

# machine_info [LOAD]: the machine; LOAD is the load average at the start (default: now)
# shellcheck disable=SC2120  # run.sh and the others call it without LOAD
machine_info() {
  local mem load=${1:-$(cut -d' ' -f1-3 /proc/loadavg)}
  mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
  echo "## Machine"
  echo
  echo "- CPU: $(nproc) cores available, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
  echo "- RAM: $mem"
  # shellcheck disable=SC1091
  echo "- kernel: $(uname -sr); OS: $(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-?}")"
  local j
  for j in "$JAVA" "$JAVA17" "$JAVA25"; do
    command -v "$j" >/dev/null || continue
    echo "- \`$j\`: $("$j" -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
  done
  echo "- load average at start: $load$(awk -v n="$(nproc)" \
    '$1 > n / 2 {print " (**busy machine: expect noisy numbers**)"}' <<< "$load")"
  echo "- output directories on: $(df -T "$WORK" | awk 'NR==2 {print $2}') ($WORK)"
  echo "- server: $(nginx -v 2>&1 | sed 's/.*: //'), 1 worker process, 127.0.0.1:$PORT"
}

# tool_versions [--no-peers]: the versions of the peers (unless --no-peers) and of imgdl
# shellcheck disable=SC2120  # run.sh and the others call it without the option
tool_versions() {
  [ "${1:-}" = --no-peers ] || echo "- peers: $(curl --version | head -n1 | cut -d' ' -f1-2); $(wget2 --version 2>/dev/null | head -n1 | cut -d" " -f1-3);" \
       "aria2c $(aria2c --version | head -n1 | awk '{print $3}'); $(wget --version | head -n1 | cut -d' ' -f1-3)"
  if [ "${HAVE_IMGDL:-0}" = 1 ]; then
    echo "- imgdl: $IMGDL_VERSION, $IMGDL_JAR ($(stat -c %s "$IMGDL_RUN_JAR") bytes, built $IMGDL_JAR_DATE," \
         "sha256 $(sha256sum < "$IMGDL_RUN_JAR" | cut -c1-12)), run from the copy $IMGDL_RUN_JAR"
  fi
  if [ "${HAVE_LAUNCHER:-0}" = 1 ]; then
    echo "- launcher: $IMGDL_LAUNCHER (sha256 $(sha256sum < "$IMGDL_RUN_LAUNCHER" | cut -c1-12)), run from the" \
         "copy $IMGDL_RUN_LAUNCHER beside the jar's copy"
  fi
  if [ "${HAVE_IMGDL:-0}" = 1 ]; then
    echo "- every imgdl run has XDG_CACHE_HOME=$IMGDL_CACHE, emptied at the start; before timing, each way of" \
         "running imgdl had two untimed warm-up runs (thread mode, one image; process mode, 4 images," \
         "-w 2), so the launcher's start-up archive and the children's archive exist: steady-state use" \
         "of an installed tool. Archives at the end: $( (cd "$IMGDL_CACHE" && find . -type f -printf '%P (%s bytes), ') \
         2>/dev/null | sed 's/, $//;s/^$/none/')"
  fi
}

# command_line ARGS...: the exact command line, shell-quoted
command_line() {
  printf '%s%s' "$BENCH_ENV_LINE" "$(printf '%q' "$0")"
  if [ $# -gt 0 ]; then printf ' %q' "$@"; fi
  echo
}
