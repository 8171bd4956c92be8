#!/usr/bin/env bash
# imgdl thread mode against process mode: start-up, peak memory and throughput at several
# worker counts. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/threads-vs-processes.sh [--runs R] [--workers-list LIST] [--quick] [--sets LIST]
                                     [--runners LIST] [--no-build]

  --runs R             runs per measurement (default \$RUNS or 5; 1 with --quick)
  --workers-list LIST  comma-separated worker counts (default 1,4,16)
  --quick              NSMALL=1000, NLARGE=8, 1 run, WORK=/tmp/imgdl-bench-quick
  --sets LIST          throughput sets: small,large (default), or one of them
  --runners LIST       how imgdl is run: jar (java -jar), launcher17, launcher25 (default all)
  --no-build           do not build target/imgdl.jar when it is missing (then this script fails)

environment: WORK (default /tmp/imgdl-bench), PORT (8088), RUNS, IMGDL_JAR, IMGDL_LAUNCHER,
NSMALL, NLARGE, RUNNERS, JAVA, JAVA17, JAVA25, IMGDL_JAVA_OPTS, IMGDL_CHILD_OPTS (passed through
to imgdl), TOOL_TIMEOUT (1800 s).
The Markdown report goes to standard output and to \$WORK/results/tvp-*/report.md.
EOF
}

WLIST=1,4,16 SETS_CSV=small,large
parse_args "${COMMON_OPTIONS[@]}" --workers-list=WLIST --sets=SETS_CSV -- "$@"
operands 0 0
quick_defaults 5
IFS=, read -r -a WORKERS_LIST <<< "$WLIST"
for w in "${WORKERS_LIST[@]}"; do positive "a count of --workers-list" "$w" 256; done
IFS=, read -r -a SETS <<< "$SETS_CSV"
for s in "${SETS[@]}"; do [[ $s =~ ^(small|large)$ ]] || usage_error "unknown set: $s"; done

ensure_tools nginx convert curl time python3
setup_imgdl
start_corpus
warm_up "${RUNNERS_A[@]}"
results_dir tvp

# the start-up lists: nothing at all, and the first small image
: > "$RESDIR/empty.txt"
head -n1 "$WORK/small.txt" > "$WORK/one.txt"
prepare_set one
ONE_BYTES=$SET_BYTES
declare -A BYTES
for set in "${SETS[@]}"; do
  prepare_set "$set"
  BYTES[$set]=$SET_BYTES
  printf '%s.files\t%s\n%s.bytes\t%s\n' "$set" "$SET_FILES" "$set" "$SET_BYTES" >> "$META"
done

MODES=(thread process)
GROUPS_=(empty one "${SETS[@]}")
log "runs=$RUNS workers=${WORKERS_LIST[*]} sets=${SETS[*]} runners=${RUNNERS_A[*]}; raw results in $RESDIR"
# each round: every (mode, runner) pair in turn, rotating who goes first from round to round
PAIRS=()
for mode in "${MODES[@]}"; do for runner in "${RUNNERS_A[@]}"; do PAIRS+=("$mode/$runner"); done; done
NP=${#PAIRS[@]}
for (( r = 1; r <= RUNS; r++ )); do
  for w in "${WORKERS_LIST[@]}"; do
    for g in "${GROUPS_[@]}"; do
      for (( k = 0; k < NP; k++ )); do
        pair=${PAIRS[$(( (k + r - 1) % NP ))]}
        mode=${pair%%/*} runner=${pair#*/}
        out=$WORK/out/tvp
        rm -rf "$out"; mkdir -p "$out"; sync
        case $g in
          empty) list=$RESDIR/empty.txt ;;
          one) list=$WORK/one.txt ;;
          *) list=$WORK/$g.txt ;;
        esac
        imgdl_cmd "$runner" "$mode" "$w" "$out" "$list"
        logf=$RESDIR/$g-$mode-$w-$runner-$r.log
        measure "$logf" "${IMGDL_CMD[@]}"
        reason=$(rc_reason)
        if [ -z "$reason" ]; then
          case $g in
            empty) [ -z "$(ls -A "$out")" ] || reason="files written for an empty list" ;;
            one) reason=$(verify_names "$out" "$WORK/one.map" "$ONE_BYTES") ;;
            *) SET_BYTES=${BYTES[$g]}; reason=$(verify "$out" "$g") ;;
          esac
        fi
        record_run "$g" "$mode/$w/$runner" "$r" "$RUNS" "$mode -w $w $runner" "$logf" "$reason"
      done
    done
  done
done
rm -rf "$WORK/out"

{
  report_head "imgdl: threads vs processes"
  echo
  echo "## Results"
  echo
  echo "Median of $RUNS run(s); the modes and runners alternate within each round. Each run starts"
  echo "from an empty output directory and is verified. Commands:"
  echo
  for runner in "${RUNNERS_A[@]}"; do
    imgdl_cmd "$runner" MODE W OUT LIST
    echo "- $runner ($(runner_label "$runner")): \`$(printf '%s ' "${IMGDL_CMD[@]}" | sed 's# *$##')\`"
  done
  echo
  echo "Start-up = wall time for an empty list, and for a list of 1 small image. Wall and CPU"
  echo "(user+sys, child JVMs included) from GNU time; peak RSS = max(GNU time %M, sum of RSS over"
  echo "the process tree sampled every ${RSS_INTERVAL}s), so for process mode it counts every child JVM"
  echo "(pages shared between JVMs, such as libjvm and the CDS archive, are counted once per JVM)."
  echo "MB = 10^6 bytes."
  echo
  "$PYTHON" "$BENCH_DIR/benchlib.py" tvp-table "$RESULTS" "$META"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
