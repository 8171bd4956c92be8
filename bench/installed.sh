#!/usr/bin/env bash
# Start-up of the installed imgdl (the package's /usr/bin/imgdl, or a tarball's bin/imgdl) against
# the build's target/imgdl on the JDK the distribution was made from: one small image from a local
# server, -q, a fresh output directory each run, interleaved rounds (who goes first alternates),
# after warm-up runs that leave each its start-up archive. Prints medians and means in ms.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<EOF
usage: bench/installed.sh [--runs N] JAVA_HOME [INSTALLED]

  JAVA_HOME  the JDK the distribution was built from (./mvnw -B package -Pdist -Ddist.jdk=...):
             target/imgdl runs on it (IMGDL_JAVA), the installed command on its own runtime
  INSTALLED  the installed command (default: imgdl on PATH, e.g. /usr/bin/imgdl after
             sudo dpkg -i target/dist/imgdl_*.deb)
  --runs N   timed rounds (default 15)

environment: IMGDL_DIR (default <repo>/target): where the build's imgdl and imgdl.jar are.
EOF
}

parse_args --runs=RUNS_OPT -- "$@"
operands 1 2
home=${OPERANDS[0]}
installed=${OPERANDS[1]:-$(command -v imgdl || true)}
runs=${RUNS_OPT:-15}
positive --runs "$runs"
built=${IMGDL_DIR:-$ROOT/target}/imgdl
[ -x "$home/bin/java" ] || usage_error "no $home/bin/java"
if [ -z "$installed" ] || [ ! -x "$installed" ]; then
  usage_error "no installed imgdl (INSTALLED)"
fi
[ -x "$built" ] || die "no $built: build it with ./mvnw -B -q package -DskipTests"
ensure_tools python3
scratch_dir

# One small PNG on 127.0.0.1, served by Python's own server.
mkdir -p "$SCRATCH/www" "$SCRATCH/cache"
"$PYTHON" - "$SCRATCH/www/one.png" <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
row = b"\0" + b"\x80\x40\x20" * 64
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 48, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(row * 48)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
EOF
port=$("$PYTHON" -c \
  'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$PYTHON" -m http.server "$port" --bind 127.0.0.1 --directory "$SCRATCH/www" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
url=http://127.0.0.1:$port/one.png
echo "$url" > "$SCRATCH/list.txt"
for _ in $(seq 100); do
  curl -sf -o /dev/null "$url" 2>/dev/null && break
  sleep 0.1
done

# run NAME OUT: one run of the installed command or of the build's launcher, both with a cache
# of this script's (the installed command trains its archive there when it ships none, as on JDK 17)
run() {
  local cmd=("$installed")
  [ "$1" = built ] && cmd=(env IMGDL_JAVA="$home/bin/java" "$built")
  env XDG_CACHE_HOME="$SCRATCH/cache" "${cmd[@]}" -q --no-progress -o "$2" "$SCRATCH/list.txt"
}

# Warm-up: the first runs leave the archives (a background training, when there is one, gets
# up to a minute to write its file), then one more run each.
for name in installed built; do run "$name" "$SCRATCH/warm-$name" </dev/null; done
for _ in $(seq 600); do
  [ -z "$(find "$SCRATCH/cache" -name '*.lock' 2>/dev/null)" ] && break
  sleep 0.1
done
for name in installed built; do run "$name" "$SCRATCH/warm2-$name" </dev/null; done

a=() b=()
for (( i = 1; i <= runs; i++ )); do
  order=(installed built)
  [ $(( i % 2 )) = 0 ] && order=(built installed)
  for name in "${order[@]}"; do
    rm -rf "$SCRATCH/out"
    ms=$(elapsed_ms run "$name" "$SCRATCH/out")
    [ -f "$SCRATCH/out/one.png" ] || die "$name did not download the image"
    if [ "$name" = installed ]; then a+=("$ms"); else b+=("$ms"); fi
  done
done
echo "installed $installed ($(readlink -f "$installed")): median $(median "${a[@]}") ms," \
  "mean $(mean "${a[@]}") ms"
echo "built $built, IMGDL_JAVA=$home/bin/java: median $(median "${b[@]}") ms," \
  "mean $(mean "${b[@]}") ms"
echo "ratio of medians (installed / built): $(awk -v a="$(median "${a[@]}")" \
  -v b="$(median "${b[@]}")" 'BEGIN {printf "%.2f", a / b}'); $runs rounds;" \
  "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archives in the cache: $(cd "$SCRATCH/cache" && find . -type f -printf '%P ' 2>/dev/null)"
