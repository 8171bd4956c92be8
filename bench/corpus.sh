#!/usr/bin/env bash
# Builds a local image corpus and serves it with nginx on 127.0.0.1:${PORT:-8088}.
# Usage: corpus.sh DIR   -> DIR/www/{small,large}/..., DIR/small.txt, DIR/large.txt, DIR/mixed.txt
# Copied from shared/bench/corpus.sh. Changes: falls back to the `nginx` package where
# `nginx-light` does not exist (Debian 13), and rebuilds DIR/www when NSMALL or NLARGE differ
# from the counts it was built with (so a --quick corpus is never mistaken for a full one).
set -euo pipefail
if ! [ -x /usr/bin/convert ] || ! command -v nginx >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq imagemagick nginx-light >/dev/null \
    || apt-get install -y -qq imagemagick nginx >/dev/null
fi
dir=${1:-/tmp/bench}; port=${PORT:-8088}; nsmall=${NSMALL:-10000}; nlarge=${NLARGE:-40}
mkdir -p "$dir/www/small" "$dir/www/large" "$dir/base" "$dir/logs"
if [ ! -f "$dir/base/done" ]; then
  for i in $(seq 1 12); do
    /usr/bin/convert -size 160x120 plasma:fractal -quality 85 "$dir/base/s$i.jpg"
  done
  for i in 1 2; do /usr/bin/convert -size 160x120 plasma:fractal "$dir/base/s$i.png"; done
  /usr/bin/convert -size 80x60 plasma:fractal "$dir/base/s1.gif"
  /usr/bin/convert -size 160x120 plasma:fractal "$dir/base/s1.webp" 2>/dev/null || true
  for i in 1 2 3; do /usr/bin/convert -size 2400x1800 plasma:fractal -quality 95 "$dir/base/l$i.jpg"; done
  touch "$dir/base/done"
fi
smalls=( "$dir"/base/s* ); larges=( "$dir"/base/l*.jpg )
if [ -f "$dir/www/done" ] && [ "$(cat "$dir/www/done")" != "$nsmall $nlarge" ]; then
  rm -rf "$dir/www/small" "$dir/www/large" "$dir/www/done"
  mkdir -p "$dir/www/small" "$dir/www/large"
fi
if [ ! -f "$dir/www/done" ]; then
  for i in $(seq 0 $((nsmall-1))); do
    f=${smalls[$((i % ${#smalls[@]}))]}; ext=${f##*.}
    ln -f "$f" "$dir/www/small/img$i.$ext" 2>/dev/null || cp "$f" "$dir/www/small/img$i.$ext"
  done
  for i in $(seq 0 $((nlarge-1))); do
    f=${larges[$((i % ${#larges[@]}))]}
    cp "$f" "$dir/www/large/big$i.jpg"
  done
  echo "$nsmall $nlarge" > "$dir/www/done"
fi
( cd "$dir/www/small" && ls ) | sed "s#^#http://127.0.0.1:$port/small/#" > "$dir/small.txt"
( cd "$dir/www/large" && ls ) | sed "s#^#http://127.0.0.1:$port/large/#" > "$dir/large.txt"
cat "$dir/small.txt" "$dir/large.txt" | shuf --random-source=<(yes) > "$dir/mixed.txt"
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on;
  keepalive_requests 100000; keepalive_timeout 65;
  types { image/jpeg jpg; image/png png; image/gif gif; image/webp webp; }
  server { listen 127.0.0.1:$port; root $dir/www; }
}
CONF
if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then :; else nginx -c "$dir/nginx.conf"; fi
du -sh "$dir/www/small" "$dir/www/large"; wc -l "$dir/small.txt" "$dir/large.txt"
