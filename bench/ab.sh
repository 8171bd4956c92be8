#!/usr/bin/env bash
# Two imgdl commands A and B on one list, interleaved (ABAB...), PAIRS pairs, each run into a fresh
# output directory. Prints every wall time in ms, the medians and B/A.
# Usage: bench/ab.sh LIST PAIRS CMD_A... -- CMD_B...   (imgdl options are appended: -q
# --no-progress -o DIR LIST; e.g. bench/ab.sh small.txt 5 /tmp/A/imgdl -- /tmp/B/imgdl)
set -euo pipefail
list=$1; n=$2; shift 2
A=(); while [ "$1" != "--" ]; do A+=("$1"); shift; done; shift; B=("$@")
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
ta=(); tb=()
for _ in $(seq 1 "$n"); do
  for w in a b; do
    rm -rf "$out/o"; s=$(date +%s%N)
    if [ $w = a ]; then cmd=("${A[@]}"); else cmd=("${B[@]}"); fi
    "${cmd[@]}" -q --no-progress -o "$out/o" "$list" >/dev/null 2>&1 || true
    e=$(( ($(date +%s%N) - s) / 1000000 ))
    if [ $w = a ]; then ta+=("$e"); else tb+=("$e"); fi
  done
done
med() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ma=$(med "${ta[@]}"); mb=$(med "${tb[@]}")
echo "A: ${ta[*]} median $ma | B: ${tb[*]} median $mb | B/A $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b/a}')"
