#!/usr/bin/env bash
# imgdl --check over long lists: memory and disk must stay flat, since a check keeps no body.
# Peak RSS of the parent and of the children (imgdl's own figures, and the process tree sampled),
# and the disk used under the run's working directory, sampled during the run; the same first
# list downloaded without --check beside it. See bench/README.md.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/check.sh [--sizes LIST] [--modes LIST] [--workers N] [--no-build]

  --sizes LIST   comma-separated list lengths, each checked (default 10000,100000); the first
                 is also downloaded without --check
  --modes LIST   thread, process or thread,process (default thread,process)
  --workers N    -w of imgdl (default \$WORKERS or 64)
  --no-build     do not build target/imgdl.jar when it is missing (then this script fails)

environment: WORK (default /tmp/imgdl-bench), PORT (8088), WORKERS, IMGDL_JAR, NSMALL (default
1000 here: the lists are hard links of the small images, NSTEADY = the largest size), JAVA.
The Markdown report goes to standard output and to \$WORK/results/check-*/report.md.
EOF
}

SIZES_CSV=10000,100000 MODES_CSV=thread,process
parse_args "${COMMON_OPTIONS[@]}" --workers=WORKERS_OPT --sizes=SIZES_CSV --modes=MODES_CSV \
  -- "$@"
operands 0 0
quick_defaults 1
WORKERS=${WORKERS_OPT:-${WORKERS:-64}}
positive --workers "$WORKERS" 256
IFS=, read -r -a SIZES <<< "$SIZES_CSV"
for n in "${SIZES[@]}"; do positive "a size of --sizes" "$n"; done
IFS=, read -r -a MODES <<< "$MODES_CSV"
for m in "${MODES[@]}"; do [[ $m =~ ^(thread|process)$ ]] || usage_error "unknown mode: $m"; done
largest=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -n1)
export NSMALL=${NSMALL:-1000} NSTEADY=$largest
RUNNERS_CSV=jar

ensure_tools nginx convert curl time python3
setup_imgdl
start_corpus
results_dir check
CDIR=$WORK/check
mkdir -p "$CDIR"
for n in "${SIZES[@]}"; do head -n "$n" "$WORK/steady.txt" > "$CDIR/list-$n.txt"; done

# check_cmd MODE LIST check|download: IMGDL_CMD, with -v instead of -q (the summary has imgdl's
# own peak memory figures, each child's in the per-worker table that -v prints) and, for a check,
# without -o (refused with --check)
check_cmd() {
  imgdl_cmd jar "$1" "$WORKERS" images "$2" --min-success 0
  local c=() i=0
  while [ "$i" -lt ${#IMGDL_CMD[@]} ]; do
    case ${IMGDL_CMD[$i]} in
      -q) c+=(-v) ;;
      -o) i=$((i + 1)); [ "$3" = check ] || c+=(-o images) ;;
      *) c+=("${IMGDL_CMD[$i]}") ;;
    esac
    i=$((i + 1))
  done
  if [ "$3" = check ]; then
    IMGDL_CMD=("${c[@]:0:${#c[@]}-1}" --check "${c[-1]}")
  else
    IMGDL_CMD=("${c[@]}")
  fi
}

# disk_sampler DIR STOPFILE OUTFILE: the most KiB that `du` saw under DIR until STOPFILE exists
disk_sampler() {
  local max=0 kb
  while [ ! -e "$2" ]; do
    kb=$(du -sk "$1" 2>/dev/null | cut -f1 || true)
    [ "${kb:-0}" -gt "$max" ] && max=$kb
    sleep 0.2
  done
  echo "$max" > "$3"
}

printf 'list\tmode\trun\twall_s\tparent_mib\tchild_mib\ttree_mb\tdisk_kib\tok\trc\n' > "$RESULTS"
# one N MODE check|download: one measured run in an empty working directory, a row of RESULTS
one() {
  local n=$1 mode=$2 kind=$3 logf run=$CDIR/run dpid parent child ok
  rm -rf "$run"; mkdir -p "$run"
  check_cmd "$mode" "$CDIR/list-$n.txt" "$kind"
  logf=$RESDIR/$n-$mode-$kind.log
  log "$kind: $n entries, $mode mode, -w $WORKERS"
  rm -f "$CDIR/stop" "$CDIR/disk"
  disk_sampler "$run" "$CDIR/stop" "$CDIR/disk" &
  dpid=$!
  pushd "$run" >/dev/null
  measure "$logf" "${IMGDL_CMD[@]}"
  popd >/dev/null
  touch "$CDIR/stop"; wait "$dpid" || true
  # "process peak memory 93.2 MiB" or "parent peak memory …"; children: the table's last column
  parent=$(grep -o 'peak memory [0-9.]* [KMG]iB' "$logf" | head -n1 \
    | awk '{v = $3; if ($4 == "GiB") v *= 1024; if ($4 == "KiB") v /= 1024; print v}')
  child=$(awk '$1 ~ /^[0-9]+$/ && NF >= 10 {v = $(NF - 1); if ($NF == "GiB") v *= 1024;
    if (v > m) m = v} END {print m + 0}' "$logf")
  ok=$(grep -oE '[0-9]+ (checked|downloaded),' "$logf" | head -n1 | cut -d' ' -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$mode" "$kind" "$M_WALL" \
    "${parent:-?}" "$child" "$(( M_RSS_KB * 1024 / 1000000 ))" "$(cat "$CDIR/disk")" \
    "${ok:-?}" "$M_RC" >> "$RESULTS"
  rm -rf "$run"
}

for n in "${SIZES[@]}"; do
  for mode in "${MODES[@]}"; do one "$n" "$mode" check; done
done
for mode in "${MODES[@]}"; do one "${SIZES[0]}" "$mode" download; done

{
  report_head "imgdl --check"
  echo
  echo "Each list holds distinct URLs of the small images (hard links, about 17 KB each) served by"
  echo "nginx on 127.0.0.1; each run starts in an empty working directory. Commands:"
  echo
  for kind in check download; do
    check_cmd MODE LIST "$kind"
    echo "- $kind: \`$(printf '%s ' "${IMGDL_CMD[@]}" | sed 's# *$##')\`"
  done
  echo
  echo "parent and child MiB: imgdl's own peak RSS (its summary; child: the largest child); tree"
  echo "MB: the process tree's peak RSS, sampled every ${RSS_INTERVAL}s; disk KiB: the most"
  echo "\`du -sk\` saw under the working directory, sampled every 0.2 s; ok: entries checked or"
  echo "downloaded."
  echo
  echo "| list | mode | run | wall s | parent MiB | child MiB | tree MB | disk KiB | ok | exit |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
  tail -n +2 "$RESULTS" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}'
} | tee "$RESDIR/report.md"
log "report: $RESDIR/report.md"
