#!/usr/bin/env bash
# Builds a local image corpus and serves it with nginx on 127.0.0.1:${PORT:-8088}.
# Usage: corpus.sh DIR   -> DIR/www/{small,large}/..., DIR/small.txt, DIR/large.txt, DIR/mixed.txt
# Copied from shared/bench/corpus.sh. Changes: falls back to the `nginx` package where
# `nginx-light` does not exist (Debian 13), and rebuilds DIR/www when NSMALL or NLARGE differ
# from the counts it was built with (so a --quick corpus is never mistaken for a full one).
# Additions: NSTEADY > 0 makes DIR/www/steady/ (NSTEADY hard links of the small originals) and
# DIR/steady.txt, kept until NSTEADY changes; with nginx's echo module, /slow/NAME serves
# /small/NAME after LATENCY_MS (20) ms and DIR/latency.txt lists the first NLATENCY (2000) small
# images that way; /slow-check serves a 3-byte file after the same delay. A running nginx of DIR
# is reloaded with the new configuration.
set -euo pipefail
if ! [ -x /usr/bin/convert ] || ! command -v nginx >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq imagemagick nginx-light >/dev/null \
    || apt-get install -y -qq imagemagick nginx >/dev/null
fi
dir=${1:-/tmp/bench}; port=${PORT:-8088}; nsmall=${NSMALL:-10000}; nlarge=${NLARGE:-40}
nsteady=${NSTEADY:-0}; nlatency=${NLATENCY:-2000}; latency_ms=${LATENCY_MS:-20}
echo_module=/usr/lib/nginx/modules/ngx_http_echo_module.so
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
# the steady-state set: hard links (distinct URLs, no extra disk), built once per count
if [ "$nsteady" -gt 0 ] && [ "$(cat "$dir/www/steady.done" 2>/dev/null)" != "$nsteady" ]; then
  rm -rf "$dir/www/steady" "$dir/www/steady.done"
  mkdir -p "$dir/www/steady"
  # one process for all the links: a fork per link would take minutes for 100,000
  python3 - "$dir" "$nsteady" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
smalls = sorted(f for f in os.listdir(d + '/base') if f.startswith('s'))
for i in range(n):
    f = smalls[i % len(smalls)]
    os.link('%s/base/%s' % (d, f), '%s/www/steady/img%d.%s' % (d, i, f.rsplit('.', 1)[1]))
PY
  echo "$nsteady" > "$dir/www/steady.done"
fi
if [ "$nsteady" -gt 0 ]; then
  ( cd "$dir/www/steady" && ls ) | sed "s#^#http://127.0.0.1:$port/steady/#" > "$dir/steady.txt"
fi
# the latency set: www/slow is a link to www/small (for the checks), served with a delay
ln -sfn small "$dir/www/slow"
printf 'ok\n' > "$dir/www/check.txt"
( cd "$dir/www/small" && ls ) | sed "s#^#http://127.0.0.1:$port/small/#" > "$dir/small.txt"
head -n "$nlatency" "$dir/small.txt" | sed 's#/small/#/slow/#' > "$dir/latency.txt"
( cd "$dir/www/large" && ls ) | sed "s#^#http://127.0.0.1:$port/large/#" > "$dir/large.txt"
cat "$dir/small.txt" "$dir/large.txt" | shuf --random-source=<(yes) > "$dir/mixed.txt"
delay=$(awk -v ms="$latency_ms" 'BEGIN {printf "%.3f", ms / 1000}')
if [ -f "$echo_module" ]; then
  load="load_module $echo_module;"
  slow="location ~ ^/slow/(.+)\$ { echo_sleep $delay; echo_exec /small/\$1; }
    location = /slow-check { echo_sleep $delay; echo_exec /check.txt; }"
else
  load="" slow=""
fi
cat > "$dir/nginx.conf" <<CONF
$load
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on;
  keepalive_requests 100000; keepalive_timeout 65;
  types { image/jpeg jpg; image/png png; image/gif gif; image/webp webp; }
  server {
    listen 127.0.0.1:$port; root $dir/www;
    $slow
  }
}
CONF
if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
  nginx -c "$dir/nginx.conf" -s reload
else
  nginx -c "$dir/nginx.conf"
fi
du -sh "$dir/www/small" "$dir/www/large"; wc -l "$dir"/{small,large,latency}.txt
[ "$nsteady" = 0 ] || wc -l "$dir/steady.txt"
