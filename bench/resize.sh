#!/usr/bin/env bash
# Resizing (issue #22 item 7, the seed's question on CPU-bound work): NPHOTOS real-sized photos
# into webdataset shards with --resize, in thread mode (-w 2, 8, 16) and process mode (-w 16,
# --processes 1, 2), beside the same -w 16 thread run without --resize. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/resize.sh [--runs R] [--quick] [--imgdl DIR] [--plain-rows t16|all] [--runners LIST]
                       [--no-build]

  --runs R            rounds, each running every row once (default \$RUNS or 3; 1 with --quick)
  --quick             NPHOTOS=2000 photos, 1 round
  --imgdl DIR         the imgdl.jar to measure: DIR/imgdl.jar (or DIR itself if it is a jar),
                      e.g. another worktree's target/ (default \$IMGDL_JAR or target/imgdl.jar)
  --plain-rows R      the rows without --resize: t16 (default; thread mode, -w 16) or all (every
                      row's workers and mode once more without --resize)
  --runners LIST      how imgdl is run: jar (default, java -jar), launcher17, launcher25
  --no-build          do not build target/imgdl.jar when it is missing (then stop)

Rows, each from an empty output directory, alternated within each round (the first rotating):
  resize  IMGDL -o OUT -w W --mode M --per-host 0 --no-progress --output-format webdataset
          --shard-size 1000 --metadata jsonl --report R.json [--processes P]
          --resize 256 --resize-mode border --encode-format jpg --encode-quality 95 LIST
          thread mode: W = 2, 8, 16; process mode: W = 16, P = 1, 2
  plain   the same without the four resize options (thread mode, -w 16; --plain-rows all: every
          resize row's mode and workers)
A jar whose --help lacks one of the resize options runs the plain rows only, and says so.

environment: WORK (default /tmp/imgdl-bench-resize), PORT (8088), RUNS, NPHOTOS (10000),
RESIZE (256), IMGDL_JAR, IMGDL_LAUNCHER, RUNNERS, JAVA, JAVA17, JAVA25, IMGDL_JAVA_OPTS (with an
-Xmx, a thread -w 16 resize row without it is added), TOOL_TIMEOUT (1800 s).
The Markdown report goes to standard output and to \$WORK/results/resize-*/report.md.
EOF
}

RUNNERS_CSV=${RUNNERS:-jar} IMGDL_OPT='' PLAIN_ROWS=t16
parse_args "${COMMON_OPTIONS[@]}" --imgdl=IMGDL_OPT --plain-rows=PLAIN_ROWS -- "$@"
operands 0 0
WORK=${WORK:-/tmp/imgdl-bench-resize}
quick_defaults 3
if [ "$QUICK" = 1 ]; then NPHOTOS=${NPHOTOS:-2000}; else NPHOTOS=${NPHOTOS:-10000}; fi
positive NPHOTOS "$NPHOTOS"
RESIZE=${RESIZE:-256}
positive RESIZE "$RESIZE"
[[ $PLAIN_ROWS =~ ^(t16|all)$ ]] || usage_error "--plain-rows must be t16 or all"
if [ -n "$IMGDL_OPT" ]; then
  if [ -d "$IMGDL_OPT" ]; then IMGDL_JAR=$IMGDL_OPT/imgdl.jar; else IMGDL_JAR=$IMGDL_OPT; fi
  [ -f "$IMGDL_JAR" ] || usage_error "--imgdl: no imgdl.jar at $IMGDL_JAR"
  IMGDL_LAUNCHER=$(dirname "$IMGDL_JAR")/imgdl
fi
SHARD_SIZE=1000
# corpus.sh's own sets are needed only for the warm-up (lib.sh's warm_up takes small images)
export NSMALL=16 NLARGE=1
RESIZE_OPTS=(--resize "$RESIZE" --resize-mode border --encode-format jpg --encode-quality 95)

ensure_tools nginx convert curl time python3
setup_imgdl

# the resize rows need a jar that knows every resize option: its --help is asked first
SKIPPED=
help_text=$("$JAVA" -jar "$IMGDL_RUN_JAR" --help 2>&1 || true)
for o in "${RESIZE_OPTS[@]}"; do
  [[ $o == --* ]] || continue
  if ! grep -qE -- "$o([^-a-z]|\$)" <<< "$help_text"; then
    SKIPPED="$IMGDL_JAR does not know $o (not in its --help)"
    log "$(basename "$0"): $SKIPPED: the resize rows are skipped, only the plain rows run"
    break
  fi
done

PORT=$PORT "$BENCH_DIR/photos.sh" "$WORK" "$NPHOTOS"
start_corpus
LIST=$WORK/photos.txt
warm_up "${RUNNERS_A[@]}"

results_dir resize
EXTRA=$RESDIR/extra.tsv
printf 'tool\trun\tparent_mib\tchild_mib\tload1\tdetail\n' > "$EXTRA"
read -r SIZE_MIN SIZE_MED SIZE_MAX < <("$PYTHON" "$BENCH_DIR/resizelib.py" sizes "$WORK/photo-base")
XMX=
if [[ " ${IMGDL_JAVA_OPTS_A[*]} " == *" -Xmx"* ]]; then XMX=${IMGDL_JAVA_OPTS_A[*]}; fi
printf 'entries\t%s\nshard_size\t%s\nresize\t%s\nskipped\t%s\nxmx\t%s\n' "$NPHOTOS" \
  "$SHARD_SIZE" "$RESIZE" "$SKIPPED" "$XMX" > "$META"

# the rows: KIND-MODE, KIND resize, plain or noxmx (resize with IMGDL_JAVA_OPTS' -Xmx taken
# out), MODE tW (thread mode, -w W) or pP (process mode, -w 16 --processes P)
MODES=(t2 t8 t16 p1 p2)
ROWS=()
if [ -z "$SKIPPED" ]; then
  for m in "${MODES[@]}"; do ROWS+=("resize-$m"); done
  [ -z "$XMX" ] || ROWS+=(noxmx-t16)
fi
if [ "$PLAIN_ROWS" = all ]; then
  for m in "${MODES[@]}"; do ROWS+=("plain-$m"); done
else
  ROWS+=(plain-t16)
fi

# row_cmd TOOL OUT LIST REPORT: the command of TOOL (ROW/RUNNER) in IMGDL_CMD. -v instead of -q:
# the summary has imgdl's own peak memory figures (the parent's, and each child's in the
# per-worker table that -v prints)
row_cmd() {
  local row=${1%%/*} runner=${1#*/} kind mode w opts=() saved=("${IMGDL_JAVA_OPTS_A[@]}") o
  kind=${row%%-*} mode=${row#*-}
  if [[ $mode == t* ]]; then
    w=${mode#t} mode=thread
  else
    opts=(--processes "${mode#p}") w=16 mode=process
  fi
  [ "$kind" = plain ] || opts+=("${RESIZE_OPTS[@]}")
  if [ "$kind" = noxmx ]; then
    IMGDL_JAVA_OPTS_A=()
    for o in "${saved[@]}"; do [[ $o == -Xmx* ]] || IMGDL_JAVA_OPTS_A+=("$o"); done
  fi
  imgdl_cmd "$runner" "$mode" "$w" "$2" "$3" --output-format webdataset \
    --shard-size "$SHARD_SIZE" --metadata jsonl --report "$4" "${opts[@]}"
  IMGDL_JAVA_OPTS_A=("${saved[@]}")
  local c=()
  for o in "${IMGDL_CMD[@]}"; do if [ "$o" = -q ]; then c+=(-v); else c+=("$o"); fi; done
  IMGDL_CMD=("${c[@]}")
}

# imgdl_peaks LOG: "PARENT CHILD" in MiB from imgdl's summary (child: the largest; 0 in thread
# mode), as check.sh reads them
imgdl_peaks() {
  local parent child
  parent=$(grep -o 'peak memory [0-9.]* [KMG]iB' "$1" | head -n1 \
    | awk '{v = $3; if ($4 == "GiB") v *= 1024; if ($4 == "KiB") v /= 1024; print v}')
  child=$(awk '$1 ~ /^[0-9]+$/ && NF >= 10 {v = $(NF - 1); if ($NF == "GiB") v *= 1024;
    if ($NF == "KiB") v /= 1024; if (v > m) m = v} END {print m + 0}' "$1")
  echo "${parent:-?} $child"
}

# one_run GROUP TOOL RUN LIST (called by lib.sh's rounds): TOOL once from an empty directory,
# then its checks (resizelib.py check)
one_run() {
  local tool=$2 r=$3 out=$WORK/out/run report=$WORK/out/report.json logf reason kv size=-
  local peaks detail=
  rm -rf "$WORK/out"; mkdir -p "$out"; sync
  row_cmd "$tool" "$out" "$4" "$report"
  logf=$RESDIR/${tool//\//-}-$r.log
  measure "$logf" "${IMGDL_CMD[@]}"
  reason=$(rc_reason)
  if [ -z "$reason" ]; then
    [[ $tool == plain-* ]] || size=$RESIZE
    kv=$("$PYTHON" "$BENCH_DIR/resizelib.py" check "$out" "$report" "$NPHOTOS" "$SHARD_SIZE" \
      "$WORK/www" "$size" 2>&1) || kv=$'reason\tthe check failed: '"$(tail -n1 <<< "$kv")"
    reason=$(awk -F'\t' '$1 == "reason" {print $2}' <<< "$kv")
    detail=$(awk -F'\t' '$1 == "detail" {print $2}' <<< "$kv")
  fi
  peaks=$(imgdl_peaks "$logf")
  result_row "$1" "$tool" "$r" "$([ -z "$reason" ] && echo 1 || echo 0)" "$reason"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$r" "${peaks% *}" "${peaks#* }" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$detail" >> "$EXTRA"
  progress "$1" "$r" "$ROUNDS" "$tool" "$reason"
  if [ -n "$reason" ] && [ -s "$logf" ]; then log "  $(tail -n 3 "$logf" | tr '\n' ' ')"; fi
}

SET_TOOLS=()
for row in "${ROWS[@]}"; do for r in "${RUNNERS_A[@]}"; do SET_TOOLS+=("$row/$r"); done; done
ROUNDS=$RUNS
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "rounds=$RUNS photos=$NPHOTOS rows=${SET_TOOLS[*]}; raw results in $RESDIR"
rounds resize "$LIST"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'load_start\t%s\nload_end\t%s\n' "$LOAD_START" "$LOAD_END" >> "$META"
rm -rf "$WORK/out"

kb() { awk -v b="$1" 'BEGIN {printf "%.0f KB", b / 1000}'; }
N_FMT=$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<< "$NPHOTOS")
N_BASES=$(find "$WORK/photo-base" -name '*.jpg' | wc -l)
{
  report_head "imgdl benchmark: resizing" "$LOAD_START" --no-peers
  echo "- load average after the last round: $LOAD_END"
  echo "- corpus: $N_FMT photos (\`$LIST\`), hard links of $N_BASES JPEGs made by"
  echo "  bench/photos.sh: 1024x768; 1 in 5 768x1024, 1 in 10 stored 1024x768 with EXIF"
  echo "  orientation 6, 1 in 4 progressive;"
  echo "  sizes $(kb "$SIZE_MIN") min, $(kb "$SIZE_MED") median, $(kb "$SIZE_MAX") max"
  if [ -n "$XMX" ] && [ -n "$SKIPPED" ]; then echo "- heap: IMGDL_JAVA_OPTS=$XMX"
  elif [ -n "$XMX" ]; then echo "- heap: IMGDL_JAVA_OPTS=$XMX; the noxmx row runs without its -Xmx"
  else echo "- heap: no -Xmx given: the JVM's default maximum heap, a quarter of the RAM"; fi
  if [ -n "$SKIPPED" ]; then echo "- **resize rows skipped**: $SKIPPED"; fi
  echo
  echo "## Results"
  echo
  echo "$RUNS round(s), every row in each (alternated, the first rotating), each run from an"
  echo "empty output directory after a \`sync\`. Medians over the verified runs. Wall from the"
  echo "shell's clock; CPU = user + system of the whole process tree (GNU time: child JVMs"
  echo "included); images / CPU s = images per second per core used; parent and largest child:"
  echo "imgdl's own peak RSS (its summary); tree peak: the process tree's RSS sampled every"
  echo "${RSS_INTERVAL}s (each child JVM's shared pages counted again). MB = 10^6 bytes, MiB ="
  echo "2^20. \`--metadata jsonl\` keeps the Parquet writer's CPU out of the measurement. Every"
  echo "run is checked: exit 0; the report's summary; the shards (tar and JSONL per 1,000"
  echo "entries, nothing else but the layout record and shard statistics); 16 members spread over"
  echo "the entries (resize: a ${RESIZE}x${RESIZE} JPEG by \`identify\`; plain: the served bytes)."
  echo "Commands:"
  echo
  for t in "${SET_TOOLS[@]}"; do
    row_cmd "$t" OUT LIST R.json
    echo "- $t: \`$(printf '%s ' "${IMGDL_CMD[@]}" | sed 's# *$##')\`"
  done
  echo
  "$PYTHON" "$BENCH_DIR/resizelib.py" table "$RESULTS" "$META" "$EXTRA"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
