#!/usr/bin/env bash
# Start-up of imgdl through `java -jar` and through the launcher, interleaved (one warm-up round,
# then N), on one list (one small image, or an empty list) served by bench/corpus.sh.
# Usage: bench/startup.sh JAVA_HOME LIST [N]     (IMGDL_DIR: where imgdl and imgdl.jar are; target)
# Prints the mean and median wall time in ms of each, and the launcher's ratio of means.
set -euo pipefail
home=$1; list=$2; n=${3:-10}; dir=${IMGDL_DIR:-$(dirname "$0")/../target}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
a=(); b=()
for i in $(seq 0 "$n"); do
  rm -rf "$out"/*
  x=$(ms "$home/bin/java" -jar "$dir/imgdl.jar" -q --no-progress -o "$out/a" "$list")
  y=$(ms env IMGDL_JAVA="$home/bin/java" "$dir/imgdl" -q --no-progress -o "$out/b" "$list")
  if [ "$i" -gt 0 ]; then a+=("$x"); b+=("$y"); fi
done
stats() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1; s+=$1} END {
  printf "mean %.0f median %.0f", s/NR, (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2) }'; }
ma=$(printf '%s\n' "${a[@]}" | awk '{s+=$1} END {print s/NR}')
mb=$(printf '%s\n' "${b[@]}" | awk '{s+=$1} END {print s/NR}')
echo "$home $(basename "$list"): java -jar $(stats "${a[@]}") | launcher $(stats "${b[@]}") |" \
  "ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b/a}')"
