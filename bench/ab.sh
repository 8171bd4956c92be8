#!/usr/bin/env bash
# Two imgdl commands A and B on one list, interleaved (ABAB...), PAIRS pairs, each run into a fresh
# output directory. Prints every wall time in ms, the medians and B/A.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/ab.sh LIST PAIRS CMD_A... -- CMD_B...

  imgdl's options are appended to each command: -q --no-progress -o DIR LIST
  e.g. bench/ab.sh small.txt 5 /tmp/A/imgdl -- /tmp/B/imgdl
EOF
}

parse_args -- "$@"
set -- "${OPERANDS[@]}"
[ $# -ge 2 ] || usage_error "LIST and PAIRS expected"
list=$1 n=$2
shift 2
positive PAIRS "$n"
A=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do A+=("$1"); shift; done
if [ $# -lt 2 ] || [ ${#A[@]} = 0 ]; then usage_error "two commands expected: CMD_A... -- CMD_B..."; fi
shift
B=("$@")
scratch_dir
ta=() tb=()
for _ in $(seq 1 "$n"); do
  for w in a b; do
    rm -rf "$SCRATCH/o"
    if [ $w = a ]; then cmd=("${A[@]}"); else cmd=("${B[@]}"); fi
    e=$(elapsed_ms "${cmd[@]}" -q --no-progress -o "$SCRATCH/o" "$list")
    if [ $w = a ]; then ta+=("$e"); else tb+=("$e"); fi
  done
done
ma=$(median "${ta[@]}") mb=$(median "${tb[@]}")
echo "A: ${ta[*]} median $ma | B: ${tb[*]} median $mb |" \
  "B/A $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b/a}')"
