#!/usr/bin/env bash
# imgdl against curl, wget2, aria2c and wget on a local nginx corpus. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/run.sh [--runs R] [--workers N] [--quick] [--sets LIST] [--tools LIST]
                    [--runners LIST] [--no-build]

  --runs R        timed runs per tool and set (default \$RUNS or 5; 1 with --quick)
  --workers N     concurrency of every tool (default \$WORKERS or 16)
  --quick         a fast check: NSMALL=1000, NLARGE=8, NSTEADY=10000, NLATENCY=200, 1 run
                  (3 for start-up), WORK=/tmp/imgdl-bench-quick
  --sets LIST     comma-separated sets: small, large, steady (NSTEADY small files, hard links),
                  latency (NLATENCY small files, each response LATENCY_MS late), startup (an
                  empty list and one image), mixed (default small,large,steady,latency,startup)
  --tools LIST    comma-separated subset of: $ALL_TOOLS_CSV
  --runners LIST  how imgdl is run: jar (java -jar), launcher17, launcher25 (default all
                  three; the startup set adds jar25, java -jar on JDK 25)
  --no-build      do not build target/imgdl.jar when it is missing (imgdl is left out)

environment: WORK (default /tmp/imgdl-bench), PORT (8088), RUNS, WORKERS, IMGDL_JAR
(default <repo>/target/imgdl.jar), IMGDL_LAUNCHER (default: imgdl beside the jar), NSMALL,
NLARGE, NSTEADY (100000), NLATENCY (2000), LATENCY_MS (20), STARTUP_RUNS (max(10, runs); 3
with --quick), RUNNERS, JAVA, JAVA17, JAVA25, IMGDL_JAVA_OPTS, TOOL_TIMEOUT (1800 s).
The Markdown report goes to standard output and to \$WORK/results/run-*/report.md.
EOF
}

ALL_TOOLS=(imgdl-thread imgdl-process curl wget2 aria2c wget)
ALL_TOOLS_CSV=$(IFS=,; echo "${ALL_TOOLS[*]}")
SETS_CSV=small,large,steady,latency,startup TOOLS_CSV=$ALL_TOOLS_CSV
parse_args "${COMMON_OPTIONS[@]}" --workers=WORKERS_OPT --sets=SETS_CSV --tools=TOOLS_CSV \
  -- "$@"
operands 0 0
if [ "$QUICK" = 1 ]; then
  export NSTEADY=${NSTEADY:-10000} NLATENCY=${NLATENCY:-200}
  STARTUP_RUNS=${STARTUP_RUNS:-3}
fi
quick_defaults 5
workers_default
STARTUP_RUNS=${STARTUP_RUNS:-$(( RUNS > 10 ? RUNS : 10 ))}
export NLATENCY=${NLATENCY:-2000} LATENCY_MS=${LATENCY_MS:-20}
positive STARTUP_RUNS "$STARTUP_RUNS"
positive LATENCY_MS "$LATENCY_MS"
positive NLATENCY "$NLATENCY"
IFS=, read -r -a SETS <<< "$SETS_CSV"
IFS=, read -r -a WANT <<< "$TOOLS_CSV"
for s in "${SETS[@]}"; do
  [[ $s =~ ^(small|large|mixed|steady|latency|startup)$ ]] || usage_error "unknown set: $s"
done
# the steady set's corpus is built only when it is measured (NSTEADY=0: none)
if [[ ",$SETS_CSV," == *,steady,* ]]; then export NSTEADY=${NSTEADY:-100000}; else export NSTEADY=${NSTEADY:-0}; fi
[[ $NSTEADY =~ ^[0-9]+$ ]] || usage_error "NSTEADY must be a number"

NEED=(nginx convert curl wget wget2 aria2c time python3)
if [[ ",$SETS_CSV," == *,latency,* ]]; then NEED+=(nginx-echo); fi
ensure_tools "${NEED[@]}"
# TOOLS: the tool ids; an imgdl tool is MODE/RUNNER, e.g. imgdl-thread/launcher25
TOOLS=() RUNNERS_A=()
for t in "${WANT[@]}"; do
  [[ " ${ALL_TOOLS[*]} " == *" $t "* ]] || usage_error "unknown tool: $t"
  if [[ $t == imgdl-* ]]; then
    if [ -z "${HAVE_IMGDL:-}" ]; then
      ensure_jar
      [ "$HAVE_IMGDL" = 1 ] && select_runners "$RUNNERS_CSV"
    fi
    [ "$HAVE_IMGDL" = 1 ] || continue
    for r in "${RUNNERS_A[@]}"; do TOOLS+=("$t/$r"); done
  else
    TOOLS+=("$t")
  fi
done
[ ${#TOOLS[@]} -gt 0 ] || die "no tool to run"
BASELINE=curl
[[ " ${TOOLS[*]} " == *" curl "* ]] || BASELINE=${TOOLS[0]}

start_corpus
if [ ${#RUNNERS_A[@]} -gt 0 ]; then warm_up "${RUNNERS_A[@]}"; fi
results_dir run
printf 'workers\t%s\nlatency_ms\t%s\nquick\t%s\n' "$WORKERS" "$LATENCY_MS" "$QUICK" > "$META"

# mode_of imgdl-MODE/RUNNER: thread or process
mode_of() { local m=${1%%/*}; echo "${m#imgdl-}"; }

# tool_cmd TOOL OUT LIST CFG: the command line of TOOL, in array CMD (CFG: curl's config)
tool_cmd() {
  local tool=$1 out=$2 list=$3 cfg=$4
  case $tool in
    imgdl-*) imgdl_cmd "${tool#*/}" "$(mode_of "$tool")" "$WORKERS" "$out" "$list"
             CMD=("${IMGDL_CMD[@]}") ;;
    curl) CMD=(curl -s --parallel --parallel-max "$WORKERS" --create-dirs --output-dir "$out"
               --remote-name-all -K "$cfg") ;;
    wget2) CMD=(wget2 -q "--max-threads=$WORKERS" -i "$list" -P "$out") ;;
    # aria2c accepts at most 16 connections per server
    aria2c) CMD=(aria2c -q -i "$list" -d "$out" -j "$WORKERS"
                 "--max-connection-per-server=$(( WORKERS < 16 ? WORKERS : 16 ))"
                 --auto-file-renaming=false) ;;
    wget) CMD=(wget -q -i "$list" -P "$out") ;;
  esac
}

# set_tools SET: the tools measured on SET, in array SET_TOOLS. The steady and latency sets
# compare imgdl with curl only (the other peers would add minutes and answer no question of
# #15); the start-up set is imgdl in thread mode, plus java -jar on JDK 25 (so that the JDK 25
# launcher has a like-for-like reference) and curl (for the one image only).
set_tools() {
  local t
  SET_TOOLS=()
  for t in "${TOOLS[@]}"; do
    case $1 in
      steady|latency) if [[ $t == imgdl-* || $t == curl ]]; then SET_TOOLS+=("$t"); fi ;;
      startup)
        if [[ $t == imgdl-thread/* ]]; then
          SET_TOOLS+=("$t")
          if [ "$t" = imgdl-thread/jar ] && command -v "$JAVA25" >/dev/null; then
            SET_TOOLS+=(imgdl-thread/jar25)
          fi
        elif [ "$t" = curl ]; then
          SET_TOOLS+=("$t")
        fi ;;
      *) SET_TOOLS+=("$t") ;;
    esac
  done
}

# one_run GROUP TOOL RUN LIST: measure TOOL once on LIST (with LIST's .map and .curl beside
# it, from prepare_set), from an empty output directory; verify and record the run
one_run() {
  local group=$1 tool=$2 r=$3 list=$4 out=$WORK/out/${2//\//-} logf reason ok
  rm -rf "$out"; mkdir -p "$out"; sync
  tool_cmd "$tool" "$out" "$list" "${list%.txt}.curl"
  logf=$RESDIR/$group-${tool//\//-}-$r.log
  measure "$logf" "${CMD[@]}"
  reason=$(rc_reason)
  if [ -z "$reason" ]; then
    if [ "$group" = empty ]; then
      [ -z "$(ls -A "$out")" ] || reason="files written for an empty list"
    else
      reason=$(verify_names "$out" "${list%.txt}.map" "$SET_BYTES")
    fi
  fi
  record_run "$group" "$tool" "$r" "$ROUNDS" "$tool" "$logf" "$reason"
}

# latency_check: can the delaying server keep WORKERS requests in flight? curl at WORKERS-way
# concurrency fetches 2,000 tiny files from /slow-check; the ideal is WORKERS / delay req/s. The
# same without the delay (/check.txt) shows the capacity of client and server together.
latency_check() {
  local cfg=$WORK/slow-check.curl rate nodelay ideal k n=2000
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/slow-check" \
    || die "nginx serves no /slow-check (echo module missing? see $WORK/logs/error.log)"
  rate=$(check_rate slow-check "$n")
  nodelay=$(check_rate check.txt "$n")
  ideal=$(awk -v w="$WORKERS" -v ms="$LATENCY_MS" 'BEGIN {printf "%.0f", w * 1000 / ms}')
  printf 'latency.check_rate\t%s\nlatency.check_ideal\t%s\nlatency.check_nodelay\t%s\n' \
    "$rate" "$ideal" "$nodelay" >> "$META"
  log "latency check: curl $WORKERS-way, $n tiny files: $rate req/s delayed (ideal $ideal), $nodelay without delay"
}

# check_rate PATH N: requests per second of curl at WORKERS-way concurrency, N times PATH
check_rate() {
  local cfg=$WORK/check.curl t0 t1 k
  for (( k = 0; k < $2; k++ )); do
    printf 'url = "http://127.0.0.1:%s/%s"\noutput = "/dev/null"\n' "$PORT" "$1"
  done > "$cfg"
  t0=$EPOCHREALTIME
  curl -sf --parallel --parallel-max "$WORKERS" -K "$cfg" >/dev/null 2>&1 || die "the latency check failed"
  t1=$EPOCHREALTIME
  awk -v a="${t0/,/.}" -v b="${t1/,/.}" -v n="$2" 'BEGIN {printf "%.0f", n / (b - a)}'
}

log "runs=$RUNS (start-up $STARTUP_RUNS) workers=$WORKERS sets=${SETS[*]} tools=${TOOLS[*]}; raw results in $RESDIR"
for set in "${SETS[@]}"; do
  set_tools "$set"
  if [ ${#SET_TOOLS[@]} = 0 ]; then log "no tool for the $set set"; continue; fi
  if [ "$set" = startup ]; then
    # a list of one small image, and an empty list (zero bytes; curl has nothing to do there)
    head -n1 "$WORK/small.txt" > "$WORK/one.txt"
    prepare_set one
    printf 'one.files\t%s\none.bytes\t%s\n' "$SET_FILES" "$SET_BYTES" >> "$META"
    ROUNDS=$STARTUP_RUNS
    rounds one "$WORK/one.txt"
    : > "$WORK/empty.txt"
    read -r -a SET_TOOLS <<< "${SET_TOOLS[*]/curl/}"
    rounds empty "$WORK/empty.txt"
  else
    [ "$set" = steady ] && [ "$NSTEADY" = 0 ] && die "the steady set needs NSTEADY > 0"
    [ "$set" = latency ] && latency_check
    prepare_set "$set"
    printf '%s.files\t%s\n%s.bytes\t%s\n' "$set" "$SET_FILES" "$set" "$SET_BYTES" >> "$META"
    ROUNDS=$RUNS
    rounds "$set" "$WORK/$set.txt"
  fi
  rm -rf "$WORK/out"
done

{
  report_head "imgdl benchmark"
  echo
  echo "## Results"
  echo
  echo "$RUNS run(s) per tool and set ($STARTUP_RUNS for start-up), $WORKERS-way concurrency, tools"
  echo "alternated within each round; each run starts from an empty output directory and is verified"
  echo "(exit status 0, file names, total bytes, SHA-256 of 16 files). Medians over the verified runs."
  echo "Wall and CPU (user+sys, children included) from GNU time; peak RSS = max(GNU time %M, sum of"
  echo "RSS over the process tree sampled every ${RSS_INTERVAL}s). MB = 10^6 bytes. Commands:"
  echo
  for t in "${TOOLS[@]}"; do
    tool_cmd "$t" OUT LIST CFG
    echo "- $t: \`$(printf '%s ' "${CMD[@]}" | sed 's# *$##')\`"
  done
  if [ ${#RUNNERS_A[@]} -gt 0 ]; then
    echo "- imgdl-thread/jar25 (start-up set only): the same as imgdl-thread/jar on \`$JAVA25\`"
  fi
  echo
  echo "Sets: small and large (the corpus); steady (steady state: $NSTEADY small files, distinct URLs"
  echo "of hard links; imgdl and curl only); latency (the first $NLATENCY small images, nginx waits"
  echo "$LATENCY_MS ms before each response; imgdl and curl only); startup (imgdl in thread mode on an"
  echo "empty list and on a list of one small image; curl for the one image)."
  echo
  "$PYTHON" "$BENCH_DIR/benchlib.py" run-table "$RESULTS" "$META" "$BASELINE"
  "$PYTHON" "$BENCH_DIR/benchlib.py" targets "$RESULTS" "$META"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
