#!/usr/bin/env bash
# imgdl on very long lists (10k, 100k, 1M entries) that need no download: time and memory per
# entry for parsing, de-duplication, naming, skip checks and accounting. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/scale.sh [--runs R] [--sizes LIST] [--modes LIST] [--runners LIST] [--workers N]
                      [--quick] [--no-report-check] [--no-build]

  --runs R            timed runs per size and mode (default \$RUNS or 3; 1 with --quick)
  --sizes LIST        comma-separated list lengths (default \$SCALE_SIZES or 10000,100000,1000000)
  --modes LIST        thread, process or thread,process (default thread)
  --runners LIST      how imgdl is run: jar (java -jar), launcher17, launcher25 (default all)
  --workers N         -w of imgdl (default \$WORKERS or 16)
  --quick             NSMALL=1000, NLARGE=8, sizes 1000,10000,100000, 1 run, WORK=/tmp/imgdl-bench-quick
  --no-report-check   skip the extra run per size that writes --report and checks its summary
  --no-build          do not build target/imgdl.jar when it is missing (then this script fails)

environment: WORK (default /tmp/imgdl-bench), PORT (8088), RUNS, WORKERS, IMGDL_JAR,
IMGDL_LAUNCHER, NSMALL, NLARGE, RUNNERS, JAVA, JAVA17, JAVA25, SCALE_SIZES, SCALE_JAVA_OPTS (default -Xmx512m; replaces IMGDL_JAVA_OPTS here),
TOOL_TIMEOUT (1800 s).
The Markdown report goes to standard output and to \$WORK/results/scale-*/report.md.
EOF
}

SIZES_OPT='' MODES_CSV=thread REPORT_CHECK=1
parse_args "${COMMON_OPTIONS[@]}" --workers=WORKERS_OPT --sizes=SIZES_OPT --modes=MODES_CSV \
  --no-report-check:REPORT_CHECK=0 -- "$@"
operands 0 0
quick_defaults 3
workers_default
if [ "$QUICK" = 1 ]; then
  SIZES_CSV=${SIZES_OPT:-${SCALE_SIZES:-1000,10000,100000}}
else
  SIZES_CSV=${SIZES_OPT:-${SCALE_SIZES:-10000,100000,1000000}}
fi
IFS=, read -r -a SIZES <<< "$SIZES_CSV"
for n in "${SIZES[@]}"; do positive "a size of --sizes" "$n"; done
IFS=, read -r -a MODES <<< "$MODES_CSV"
for m in "${MODES[@]}"; do [[ $m =~ ^(thread|process)$ ]] || usage_error "unknown mode: $m"; done
read -r -a IMGDL_JAVA_OPTS_A <<< "${SCALE_JAVA_OPTS:--Xmx512m}"

ensure_tools nginx convert curl time python3
setup_imgdl
start_corpus
warm_up "${RUNNERS_A[@]}"
results_dir scale

# The small set "already downloaded": a plain copy of the corpus, as a finished earlier run
# would have left it. Every list below refers only to these files, so nothing is fetched.
SDIR=$WORK/scale
OUT=$SDIR/out
NFILES=$(wc -l < "$WORK/small.txt")
restore_out() {
  local n
  n=$( { find "$OUT" -mindepth 1 -printf . 2>/dev/null || true; } | wc -c)
  if [ "$n" != "$NFILES" ]; then
    rm -rf "$OUT"; mkdir -p "$OUT"
    cp -R "$WORK/www/small/." "$OUT/"
  fi
}
restore_out
# lists: the unique URLs (all on disk -> skipped), 1% invalid lines, the rest duplicates
# (exact copies, an upper-case scheme, an added #fragment), shuffled
mkdir -p "$SDIR"
for n in "${SIZES[@]}"; do
  if ! [ -f "$SDIR/list-$n.expect" ] || [ "$WORK/small.txt" -nt "$SDIR/list-$n.txt" ]; then
    "$PYTHON" "$BENCH_DIR/benchlib.py" scale-lists "$SDIR" "$WORK/small.txt" "$n"
  fi
  for k in skipped duplicate invalid; do
    printf '%s.%s\t%s\n' "$n" "$k" "$(awk -v k="$k" '$1 == k {print $2}' "$SDIR/list-$n.expect")" >> "$META"
  done
done
: > "$SDIR/empty.txt"

# scale_cmd MODE/RUNNER LIST [EXTRA...]: the imgdl command in IMGDL_CMD
scale_cmd() {
  local mode=${1%%/*} runner=${1#*/} list=$2; shift 2
  imgdl_cmd "$runner" "$mode" "$WORKERS" "$OUT" "$list"
  # all but the list, then the extra options, then the list
  IMGDL_CMD=("${IMGDL_CMD[@]:0:${#IMGDL_CMD[@]}-1}" --min-success 0 "$@" "$list")
}

# check_out: after a run, OUT must still hold exactly the corpus files and no temporary file
check_out() {
  local n tmp
  n=$(find "$OUT" -mindepth 1 -printf . | wc -c)
  tmp=$(find "$OUT" -mindepth 1 -name '.imgdl-*' -printf . | wc -c)
  if [ "$tmp" != 0 ]; then echo "$tmp temporary files left"
  elif [ "$n" != "$NFILES" ]; then echo "$n files in OUT after the run, expected $NFILES (something was downloaded)"
  fi
}

KINDS=()
for mode in "${MODES[@]}"; do for runner in "${RUNNERS_A[@]}"; do KINDS+=("$mode/$runner"); done; done
log "runs=$RUNS sizes=${SIZES[*]} modes=${MODES[*]} runners=${RUNNERS_A[*]} workers=$WORKERS java opts=${IMGDL_JAVA_OPTS_A[*]}; raw results in $RESDIR"
for (( r = 1; r <= RUNS; r++ )); do
  for g in empty "${SIZES[@]}"; do
    for mode in "${KINDS[@]}"; do
      restore_out; sync
      if [ "$g" = empty ]; then list=$SDIR/empty.txt; else list=$SDIR/list-$g.txt; fi
      scale_cmd "$mode" "$list"
      logf=$RESDIR/$g-${mode//\//-}-$r.log
      measure "$logf" "${IMGDL_CMD[@]}"
      reason=$(rc_reason)
      [ -n "$reason" ] || reason=$(check_out)
      record_run "$g" "$mode" "$r" "$RUNS" "$mode" "$logf" "$reason"
    done
  done
done
if [ "$REPORT_CHECK" = 1 ]; then
  # one more run per size with --report: checks the counts, and shows what the report costs
  for n in "${SIZES[@]}"; do
    for mode in "${KINDS[@]}"; do
      restore_out; sync
      rm -f "$SDIR/report.json"
      scale_cmd "$mode" "$SDIR/list-$n.txt" --report "$SDIR/report.json"
      logf=$RESDIR/report-$n-${mode//\//-}.log
      measure "$logf" "${IMGDL_CMD[@]}"
      reason=$(rc_reason)
      [ -n "$reason" ] || reason=$(check_out)
      if [ -z "$reason" ]; then
        reason=$("$PYTHON" "$BENCH_DIR/benchlib.py" check-report "$SDIR/report.json" "$SDIR/list-$n.expect" 2>&1) || true
      fi
      record_run "report-$n" "$mode" 1 1 "$mode" "$logf" "$reason"
    done
  done
  rm -f "$SDIR/report.json"
fi

{
  report_head "imgdl at scale"
  echo
  echo "## Results"
  echo
  echo "The $NFILES small images are already in the output directory; each list holds those URLs"
  echo "once (\`skipped\`: no request is sent), 1% invalid lines (\`invalid\`) and, for the rest,"
  echo "copies of them (\`duplicate\`: exact, with an upper-case scheme, or with a #fragment), shuffled."
  echo "Median of $RUNS run(s) of"
  echo
  for runner in "${RUNNERS_A[@]}"; do
    scale_cmd "MODE/$runner" LIST
    echo "- $runner ($(runner_label "$runner")): \`$(printf '%s ' "${IMGDL_CMD[@]}" | sed 's# *$##')\`"
  done
  echo
  echo "Every run must exit 0 and leave the output directory as it was. µs per entry = wall / entries;"
  echo "'start-up subtracted' first takes away the median wall time of the same command on an empty list."
  echo "The '--report' columns come from one extra run writing the JSON report to a file, whose summary"
  echo "and number of results are checked against the list. Peak RSS = max(GNU time %M, sum of RSS"
  echo "over the process tree sampled every ${RSS_INTERVAL}s). MB = 10^6 bytes."
  echo
  "$PYTHON" "$BENCH_DIR/benchlib.py" scale-table "$RESULTS" "$META"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
