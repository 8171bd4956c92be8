#!/usr/bin/env bash
# Building a dataset (issue #13): a Parquet input of NROWS rows into webdataset shards, beside the
# same URLs as a plain list into files, on run.sh's steady-state corpus. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/dataset.sh [--runs R] [--workers N] [--quick] [--runners LIST]
                        [--shard-size S] [--metadata parquet|jsonl] [--no-build]

  --runs R          rounds, each running both variants (default \$RUNS or 3; 1 with --quick)
  --workers N       -w of both variants (default \$WORKERS or 16)
  --quick           NROWS=10000 rows, 1 round, NSMALL=1000, NLARGE=8, WORK=/tmp/imgdl-bench-quick
  --runners LIST    how imgdl is run: launcher17 (default: target/imgdl on JDK 17), launcher25,
                    jar (java -jar); several are measured side by side
  --shard-size S    --shard-size of the webdataset variant (default \$SHARD_SIZE or 10000)
  --metadata F      --metadata of the webdataset variant: parquet (default) or jsonl
  --no-build        do not build target/imgdl.jar when it is missing (then stop)

The two variants, from an empty output directory each, alternated within each round:
  webdataset  IMGDL -o OUT -w N --mode thread --per-host 0 -q --no-progress --caption-col caption
              --save-cols license --output-format webdataset --shard-size S --metadata F DATA.parquet
  files       IMGDL -o OUT -w N --mode thread --per-host 0 -q --no-progress LIST
DATA.parquet (url, caption, license) and LIST hold the same NROWS URLs of the steady-state set.

environment: WORK (default /tmp/imgdl-bench), PORT (8088), RUNS, WORKERS, NROWS (100000),
SHARD_SIZE, DATASET_PARQUET (java: write and read Parquet with bench/ParquetTool.java even where
pyarrow is installed), IMGDL_JAR, IMGDL_LAUNCHER, RUNNERS, JAVA, JAVA17, JAVA25, IMGDL_JAVA_OPTS,
TOOL_TIMEOUT (1800 s). The Markdown report goes to standard output and to
\$WORK/results/dataset-*/report.md.
EOF
}

RUNNERS_CSV=${RUNNERS:-launcher17} METADATA=parquet SHARD_OPT=''
parse_args "${COMMON_OPTIONS[@]}" --workers=WORKERS_OPT --shard-size=SHARD_OPT \
  --metadata=METADATA -- "$@"
operands 0 0
quick_defaults 3
workers_default
if [ "$QUICK" = 1 ]; then NROWS=${NROWS:-10000}; else NROWS=${NROWS:-100000}; fi
SHARD_SIZE=${SHARD_OPT:-${SHARD_SIZE:-10000}}
positive NROWS "$NROWS"
positive --shard-size "$SHARD_SIZE"
[[ $METADATA =~ ^(parquet|jsonl)$ ]] || usage_error "--metadata must be parquet or jsonl"
# the rows are run.sh's steady-state set (hard links of the small originals): NSTEADY = NROWS, so
# that a full run here and run.sh share one corpus
export NSTEADY=$NROWS

ensure_tools nginx convert curl time python3
setup_imgdl

# find_pyarrow: PYARROW_PY, a python3 that imports pyarrow (the scripts' own, the one on PATH,
# else after installing python3-pyarrow, else pip's), or empty: then the Parquet jobs run in Java
# (bench/ParquetTool.java, on the parquet-hadoop of imgdl-parquet.jar beside the jar under test)
find_pyarrow() {
  local p
  PYARROW_PY=
  for p in "$PYTHON" python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import pyarrow' 2>/dev/null; then
      PYARROW_PY=$(command -v "$p"); return 0
    fi
  done
  log "no pyarrow: trying apt-get install python3-pyarrow, then pip install pyarrow"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pyarrow >/dev/null 2>&1 \
    || timeout 300 python3 -m pip install -q pyarrow >/dev/null 2>&1 || true
  for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import pyarrow' 2>/dev/null; then
      PYARROW_PY=$(command -v "$p"); return 0
    fi
  done
  log "no pyarrow to be had: the Parquet input is written (and the metadata read) in Java"
}

# parquet_list LIST OUT: the Parquet input (url, caption, license) of LIST's URLs
parquet_list() {
  if [ -n "$PYARROW_PY" ]; then
    "$PYARROW_PY" "$BENCH_DIR/benchlib.py" parquet-list "$1" "$2"
  else
    "$JAVA17" -cp "$IMGDL_RUN_JAR" "$BENCH_DIR/ParquetTool.java" write "$1" "$2.tmp" && mv "$2.tmp" "$2"
  fi
}

# parquet_dump FILE...: key, url, status, sha256 of each metadata row, on standard output
parquet_dump() {
  if [ -n "$PYARROW_PY" ]; then
    "$PYARROW_PY" "$BENCH_DIR/benchlib.py" parquet-dump "$@"
  else
    "$JAVA17" -cp "$IMGDL_RUN_JAR" "$BENCH_DIR/ParquetTool.java" dump "$@" 2>/dev/null
  fi
}

# DATASET_PARQUET=java: the Java helper even where pyarrow is there (to test it)
if [ "${DATASET_PARQUET:-auto}" = java ]; then PYARROW_PY=; else find_pyarrow; fi
if [ -n "$PYARROW_PY" ]; then
  PARQUET_WRITER="python3 + pyarrow $("$PYARROW_PY" -c 'import pyarrow; print(pyarrow.__version__)') ($PYARROW_PY)"
else
  PARQUET_WRITER="bench/ParquetTool.java on the parquet-hadoop of imgdl-parquet.jar ($([ "${DATASET_PARQUET:-auto}" = java ] && echo DATASET_PARQUET=java || echo "no pyarrow here"))"
fi

start_corpus
# the input, built once and reused: NROWS rows, the steady-state list's order, and the list itself
DATA=$WORK/dataset-$NROWS.parquet
LIST=$WORK/steady.txt
# (corpus.sh rewrites the list at every start: the Parquet file is rebuilt only when its content
# changed, told by its SHA-256 kept beside the file)
LIST_SUM="$(sha256sum < "$LIST" | cut -d' ' -f1) ${PYARROW_PY:+pyarrow}${PYARROW_PY:-java}"
if ! [ -f "$DATA" ] || [ "$(cat "$DATA.list-sha256" 2>/dev/null)" != "$LIST_SUM" ]; then
  log "writing $DATA ($NROWS rows) with $PARQUET_WRITER"
  parquet_list "$LIST" "$DATA"
  echo "$LIST_SUM" > "$DATA.list-sha256"
else
  log "reusing $DATA ($NROWS rows)"
fi
prepare_set steady
[ "$SET_FILES" = "$NROWS" ] || die "$LIST has $SET_FILES lines, expected $NROWS"

# warm_up (lib.sh) makes the launcher's start-up archive; then one untimed run of each variant
# on the first 1,000 rows, so the dataset code has run once too
warm_up "${RUNNERS_A[@]}"
head -n 1000 "$LIST" > "$WORK/dataset-warm.txt"
parquet_list "$WORK/dataset-warm.txt" "$WORK/dataset-warm.parquet"

results_dir dataset
EXTRA=$RESDIR/outputs.tsv
printf 'tool\trun\tout_bytes\tout_files\tload1\tdetail\n' > "$EXTRA"
printf 'rows\t%s\nworkers\t%s\nshard_size\t%s\nmetadata\t%s\nquick\t%s\nsteady.bytes\t%s\n' \
  "$NROWS" "$WORKERS" "$SHARD_SIZE" "$METADATA" "$QUICK" "$SET_BYTES" > "$META"

# variant_cmd TOOL OUT LIST DATA: the command of TOOL (webdataset/RUNNER or files/RUNNER)
variant_cmd() {
  local runner=${1#*/}
  case $1 in
    webdataset/*) imgdl_cmd "$runner" thread "$WORKERS" "$2" "$4" --caption-col caption \
                    --save-cols license --output-format webdataset --shard-size "$SHARD_SIZE" \
                    --metadata "$METADATA" ;;
    files/*) imgdl_cmd "$runner" thread "$WORKERS" "$2" "$3" ;;
  esac
}

# verify_shards OUT: the webdataset checks of benchlib.py check-shards; prints the failure reason
# (nothing when all is well) and writes what was checked to $RESDIR/verify.detail
verify_shards() {
  local out=$1 dump=- kv
  if [ "$METADATA" = parquet ]; then
    dump=$RESDIR/meta-dump.tsv
    if ! (shopt -s nullglob; f=("$out"/*.parquet); [ ${#f[@]} -gt 0 ] && parquet_dump "${f[@]}") > "$dump"; then
      : > "$dump"
    fi
  fi
  kv=$("$PYTHON" "$BENCH_DIR/benchlib.py" check-shards "$out" "$NROWS" "$WORK/www" "$dump")
  awk -F'\t' '$1 == "detail" {print $2}' <<< "$kv" > "$RESDIR/verify.detail"
  awk -F'\t' '$1 == "reason" {print $2}' <<< "$kv"
}

# one_run GROUP TOOL RUN LIST (called by lib.sh's rounds): TOOL once from an empty directory
one_run() {
  local tool=$2 r=$3 out=$WORK/out/${2//\//-} logf reason ok bytes files
  rm -rf "$out"; mkdir -p "$out"; sync
  variant_cmd "$tool" "$out" "$4" "$DATA"
  logf=$RESDIR/$1-${tool//\//-}-$r.log
  measure "$logf" "${IMGDL_CMD[@]}"
  reason=$(rc_reason) V_DETAIL=
  if [ -z "$reason" ]; then
    if [[ $tool == webdataset/* ]]; then
      reason=$(verify_shards "$out")
      V_DETAIL=$(cat "$RESDIR/verify.detail")
    else
      reason=$(verify_names "$out" "$WORK/steady.map" "$SET_BYTES")
    fi
  fi
  bytes=$(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%d", s}')
  files=$(find "$out" -type f | wc -l)
  if [[ $tool == files/* ]] && [ -z "$reason" ]; then
    V_DETAIL=$(printf "%'d files named as the list, %'d bytes as served, sha256 of 16 = served files" \
      "$files" "$bytes")
  fi
  ok=1; [ -z "$reason" ] || ok=0
  result_row "$1" "$tool" "$r" "$ok" "$reason"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$r" "$bytes" "$files" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$V_DETAIL" >> "$EXTRA"
  progress "$1" "$r" "$ROUNDS" "$tool" "$reason"
  log "  load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$ok" = 0 ] && [ -s "$logf" ]; then log "  $(tail -n 3 "$logf" | tr '\n' ' ')"; fi
}

# untimed warm-up of both variants (1,000 rows)
for r in "${RUNNERS_A[@]}"; do
  for v in webdataset files; do
    rm -rf "$WORK/out/warm-up"; mkdir -p "$WORK/out/warm-up"
    variant_cmd "$v/$r" "$WORK/out/warm-up" "$WORK/dataset-warm.txt" "$WORK/dataset-warm.parquet"
    log "warm-up of $v/$r on 1,000 rows (untimed)"
    "${IMGDL_CMD[@]}" > "$WORK/warm-up-dataset-$v-$r.log" 2>&1 </dev/null \
      || die "the warm-up of $v/$r failed, see $WORK/warm-up-dataset-$v-$r.log"
  done
done
rm -rf "$WORK/out/warm-up"

SET_TOOLS=()
for r in "${RUNNERS_A[@]}"; do SET_TOOLS+=("webdataset/$r" "files/$r"); done
ROUNDS=$RUNS
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "rounds=$RUNS rows=$NROWS workers=$WORKERS variants=${SET_TOOLS[*]}; raw results in $RESDIR"
rounds dataset "$LIST"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'load_start\t%s\nload_end\t%s\n' "$LOAD_START" "$LOAD_END" >> "$META"
rm -rf "$WORK/out"

{
  report_head "imgdl benchmark: building a dataset" "$LOAD_START" --no-peers
  echo "- load average after the last round: $LOAD_END"
  echo "- input: $DATA, $NROWS rows (url, caption \"image N\", license), written by $PARQUET_WRITER;"
  echo "  the same URLs in $LIST ($(awk -v b="$SET_BYTES" 'BEGIN {printf "%.1f MB", b / 1e6}') served, hard links of 16 small images)"
  echo
  echo "## Results"
  echo
  echo "$RUNS round(s), both variants in each (alternated, the first rotating), $WORKERS workers, thread"
  echo "mode; each run from an empty output directory after an untimed warm-up of each variant on"
  echo "1,000 rows. Medians over the verified runs. Wall from the shell's clock; CPU (user+sys) and"
  echo "peak RSS from GNU time and the process-tree sampler (every ${RSS_INTERVAL}s); MB = 10^6 bytes;"
  echo "output = the sizes of the files in the output directory. Commands:"
  echo
  for t in "${SET_TOOLS[@]}"; do
    variant_cmd "$t" OUT LIST DATA.parquet
    echo "- $t: \`$(printf '%s ' "${IMGDL_CMD[@]}" | sed 's# *$##')\`"
  done
  echo
  "$PYTHON" "$BENCH_DIR/benchlib.py" dataset-table "$RESULTS" "$META" "$EXTRA"
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
