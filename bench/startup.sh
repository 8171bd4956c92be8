#!/usr/bin/env bash
# Start-up of imgdl through `java -jar` and through the launcher, interleaved (one warm-up round,
# then N), on one list (one small image, or an empty list) served by bench/corpus.sh.
# Prints the mean and median wall time in ms of each, and the launcher's ratio of means.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/startup.sh JAVA_HOME LIST [N]

  JAVA_HOME  the JDK both run on (JAVA_HOME/bin/java; IMGDL_JAVA for the launcher)
  LIST       the list imgdl reads: one small image of bench/corpus.sh's, or an empty list
  N          timed rounds after the warm-up round (default 10)

environment: IMGDL_DIR (default <repo>/target): where imgdl and imgdl.jar are.
EOF
}

parse_args -- "$@"
operands 2 3
home=${OPERANDS[0]} list=${OPERANDS[1]} n=${OPERANDS[2]:-10}
positive N "$n"
dir=${IMGDL_DIR:-$ROOT/target}
scratch_dir
a=() b=()
for i in $(seq 0 "$n"); do
  rm -rf "${SCRATCH:?}"/*
  x=$(elapsed_ms "$home/bin/java" -jar "$dir/imgdl.jar" -q --no-progress -o "$SCRATCH/a" "$list")
  y=$(elapsed_ms env IMGDL_JAVA="$home/bin/java" "$dir/imgdl" -q --no-progress \
    -o "$SCRATCH/b" "$list")
  if [ "$i" -gt 0 ]; then a+=("$x"); b+=("$y"); fi
done
ma=$(mean "${a[@]}") mb=$(mean "${b[@]}")
echo "$home $(basename "$list"): java -jar mean $ma median $(median "${a[@]}") |" \
  "launcher mean $mb median $(median "${b[@]}") |" \
  "ratio $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b/a}')"
