#!/usr/bin/env bash
# imgdl against curl, wget2, aria2c and wget on a local nginx corpus. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/run.sh [--runs R] [--workers N] [--quick] [--sets LIST] [--tools LIST] [--no-build]

  --runs R       timed runs per tool and set (default \$RUNS or 5; 1 with --quick)
  --workers N    concurrency of every tool (default \$WORKERS or 16)
  --quick        a fast check: NSMALL=1000, NLARGE=8, 1 run, WORK=/tmp/imgdl-bench-quick
  --sets LIST    comma-separated corpus lists to time: small,large,mixed (default small,large)
  --tools LIST   comma-separated subset of: $ALL_TOOLS_CSV
  --no-build     do not build target/imgdl.jar when it is missing (imgdl is left out)

environment: WORK (default /tmp/imgdl-bench), PORT (8088), RUNS, WORKERS, IMGDL_JAR
(default <repo>/target/imgdl.jar), NSMALL, NLARGE, JAVA, IMGDL_JAVA_OPTS, TOOL_TIMEOUT (1800 s).
The Markdown report goes to standard output and to \$WORK/results/run-*/report.md.
EOF
}

ALL_TOOLS=(imgdl-thread imgdl-process curl wget2 aria2c wget)
ALL_TOOLS_CSV=$(IFS=,; echo "${ALL_TOOLS[*]}")
ARGS=("$@")
QUICK=0 RUNS_OPT='' WORKERS_OPT='' SETS_CSV=small,large TOOLS_CSV=$ALL_TOOLS_CSV
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS_OPT=${2:?--runs needs a value}; shift 2 ;;
    --workers) WORKERS_OPT=${2:?--workers needs a value}; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --sets) SETS_CSV=${2:?--sets needs a value}; shift 2 ;;
    --tools) TOOLS_CSV=${2:?--tools needs a value}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if [ "$QUICK" = 1 ]; then
  export NSMALL=${NSMALL:-1000} NLARGE=${NLARGE:-8}
  RUNS=${RUNS_OPT:-${RUNS:-1}}
  WORK=${WORK:-/tmp/imgdl-bench-quick}
else
  RUNS=${RUNS_OPT:-${RUNS:-5}}
  WORK=${WORK:-/tmp/imgdl-bench}
fi
WORKERS=${WORKERS_OPT:-${WORKERS:-16}}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
if ! [[ $WORKERS =~ ^[1-9][0-9]*$ ]] || [ "$WORKERS" -gt 256 ]; then die "--workers must be 1 to 256"; fi
IFS=, read -r -a SETS <<< "$SETS_CSV"
IFS=, read -r -a WANT <<< "$TOOLS_CSV"
for s in "${SETS[@]}"; do [[ $s =~ ^(small|large|mixed)$ ]] || die "unknown set: $s"; done

ensure_tools nginx convert curl wget wget2 aria2c time python3
TOOLS=()
for t in "${WANT[@]}"; do
  [[ " ${ALL_TOOLS[*]} " == *" $t "* ]] || die "unknown tool: $t"
  if [[ $t == imgdl-* ]]; then
    [ -n "${HAVE_IMGDL:-}" ] || ensure_jar
    [ "$HAVE_IMGDL" = 1 ] || continue
  fi
  TOOLS+=("$t")
done
[ ${#TOOLS[@]} -gt 0 ] || die "no tool to run"
BASELINE=curl
[[ " ${TOOLS[*]} " == *" curl "* ]] || BASELINE=${TOOLS[0]}

start_corpus
RESDIR=$WORK/results/run-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESDIR"
RESULTS=$RESDIR/results.tsv META=$RESDIR/meta.tsv
results_header
: > "$META"

# tool_cmd TOOL OUT SET: the command line of TOOL, in array CMD
tool_cmd() {
  local tool=$1 out=$2 set=$3 list=$WORK/$3.txt
  case $tool in
    imgdl-thread) imgdl_cmd thread "$WORKERS" "$out" "$list"; CMD=("${IMGDL_CMD[@]}") ;;
    imgdl-process) imgdl_cmd process "$WORKERS" "$out" "$list"; CMD=("${IMGDL_CMD[@]}") ;;
    curl) CMD=(curl -s --parallel --parallel-max "$WORKERS" --create-dirs --output-dir "$out"
               --remote-name-all -K "$WORK/$set.curl") ;;
    wget2) CMD=(wget2 -q "--max-threads=$WORKERS" -i "$list" -P "$out") ;;
    # aria2c accepts at most 16 connections per server
    aria2c) CMD=(aria2c -q -i "$list" -d "$out" -j "$WORKERS"
                 "--max-connection-per-server=$(( WORKERS < 16 ? WORKERS : 16 ))"
                 --auto-file-renaming=false) ;;
    wget) CMD=(wget -q -i "$list" -P "$out") ;;
  esac
}

log "runs=$RUNS workers=$WORKERS sets=${SETS[*]} tools=${TOOLS[*]}; raw results in $RESDIR"
for set in "${SETS[@]}"; do
  prepare_set "$set"
  printf '%s.files\t%s\n%s.bytes\t%s\n' "$set" "$SET_FILES" "$set" "$SET_BYTES" >> "$META"
  for (( r = 1; r <= RUNS; r++ )); do
    # alternate the tools within a round, and rotate who goes first from round to round
    n=${#TOOLS[@]}
    for (( k = 0; k < n; k++ )); do
      tool=${TOOLS[$(( (k + r - 1) % n ))]}
      out=$WORK/out/$tool
      rm -rf "$out"; mkdir -p "$out"; sync
      tool_cmd "$tool" "$out" "$set"
      logf=$RESDIR/$set-$tool-$r.log
      measure "$logf" "${CMD[@]}"
      reason=$(rc_reason)
      [ -n "$reason" ] || reason=$(verify "$out" "$set")
      ok=1; [ -z "$reason" ] || ok=0
      result_row "$set" "$tool" "$r" "$ok" "$reason"
      progress "$set" "$r" "$RUNS" "$tool" "$reason"
      if [ "$ok" = 0 ] && [ -s "$logf" ]; then log "  $(tail -n 3 "$logf" | tr '\n' ' ')"; fi
    done
  done
  rm -rf "$WORK/out"
done

{
  echo "# imgdl benchmark"
  echo
  echo "Command: \`$(command_line "${ARGS[@]}")\`"
  echo
  machine_info
  tool_versions
  echo
  echo "## Results"
  echo
  echo "$RUNS run(s) per tool and set, $WORKERS-way concurrency, tools alternated within each round;"
  echo "each run starts from an empty output directory and is verified (file names, total bytes,"
  echo "SHA-256 of 16 files). Medians over the verified runs. Wall and CPU (user+sys, children"
  echo "included) from GNU time; peak RSS = max(GNU time %M, sum of RSS over the process tree sampled"
  echo "every ${RSS_INTERVAL}s). MB = 10^6 bytes."
  echo
  for t in "${TOOLS[@]}"; do
    tool_cmd "$t" OUT SET
    echo "- $t: \`$(printf '%s ' "${CMD[@]}" | sed "s#$WORK/SET.txt#LIST#; s#$WORK/SET.curl#CFG#; s# *\$##")\`"
  done
  echo
  "$PYTHON" "$BENCH_DIR/benchlib.py" run-table "$RESULTS" "$META" "$BASELINE"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
