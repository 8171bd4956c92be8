#!/usr/bin/env bash
# Builds the photo corpus of bench/resize.sh: N real-sized photos (about 1024x768 JPEG, 100-200
# KB) under DIR/www/photos/ and their URLs on 127.0.0.1:${PORT:-8088} in DIR/photos.txt.
# Usage: photos.sh DIR N   (serving is corpus.sh's nginx, whose root is DIR/www)
# Making a photo with ImageMagick takes about 0.3 s, so NBASES (100) distinct bases are made
# once, kept in DIR/photo-base/, and the N names are hard links to them (as corpus.sh does for
# its steady-state set): a second run with the same N does nothing, another N only relinks.
# The bases vary as a crawl's photos do: 1 in 5 portrait (768x1024), 1 in 10 stored landscape
# with EXIF orientation 6 (shown portrait: a resizer must rotate it), 1 in 4 progressive, JPEG
# quality 85 to 90 (moved by 2 until the file is within 100-200 KB) and a noise level that
# spreads the sizes.
set -euo pipefail
dir=${1:?usage: photos.sh DIR N}; n=${2:?usage: photos.sh DIR N}
port=${PORT:-8088}; nbases=${NBASES:-100}
base=$dir/photo-base
# what the bases are made with: a change here (or of NBASES) makes them again
recipe="v2 $nbases plasma:fractal blur 0x1 noise 0.15-0.35 q85-90 to 100-200KB exif6"

# make_base I: base I, as the header says (its attributes follow from I). The noise is drawn
# once (a lossless MIFF); the quality then steps by 2 from 85 + I % 6 until the JPEG is within
# 100-200 KB (noise and quality interact too much to land there from fixed figures).
make_base() {
  local i=$1 size=1024x768 extra=() out q bytes
  out=$(printf '%s/base%03d.jpg' "$base" "$i")
  if [ $((i % 5)) = 1 ]; then size=768x1024; fi
  if [ $((i % 4)) = 2 ]; then extra+=(-interlace Plane); fi
  /usr/bin/convert -seed "$((i + 1))" -size "$size" plasma:fractal -blur 0x1 \
    -attenuate "$(awk -v i="$i" 'BEGIN {printf "%.3f", 0.15 + 0.02 * (i % 11)}')" \
    +noise Gaussian "$out.tmp.miff"
  q=$((85 + i % 6))
  while :; do
    /usr/bin/convert "$out.tmp.miff" -quality "$q" "${extra[@]}" "$out.tmp.jpg"
    bytes=$(stat -c %s "$out.tmp.jpg")
    if [ "$bytes" -gt 200000 ] && [ "$q" -gt 70 ]; then q=$((q - 2))
    elif [ "$bytes" -lt 100000 ] && [ "$q" -lt 95 ]; then q=$((q + 2))
    else break
    fi
  done
  rm -f "$out.tmp.miff"
  if [ $((i % 10)) = 3 ]; then exif_orientation_6 "$out.tmp.jpg"; fi
  mv "$out.tmp.jpg" "$out"
}

# exif_orientation_6 FILE: an EXIF segment (APP1) saying orientation 6 ("rotate 90 degrees
# clockwise to show"), put after the JFIF header. ImageMagick's -orient writes nothing into a
# file that has no EXIF yet, and exiftool is not on every machine; this is 34 bytes.
exif_orientation_6() {
  python3 - "$1" <<'PY'
import struct, sys
path = sys.argv[1]
data = open(path, 'rb').read()
assert data[:2] == b'\xff\xd8', 'not a JPEG'
# big-endian TIFF header, IFD0 with one entry: Orientation (0x0112), SHORT, 1 value: 6
tiff = b'MM\x00\x2a' + struct.pack('>I', 8) + struct.pack('>H', 1) \
    + struct.pack('>HHIHH', 0x0112, 3, 1, 6, 0) + struct.pack('>I', 0)
app1 = b'\xff\xe1' + struct.pack('>H', 2 + 6 + len(tiff)) + b'Exif\x00\x00' + tiff
pos = 2
if data[2:4] == b'\xff\xe0':  # keep JFIF's APP0 first
    pos = 4 + struct.unpack('>H', data[4:6])[0]
open(path, 'wb').write(data[:pos] + app1 + data[pos:])
PY
}

mkdir -p "$dir/www" "$dir/logs"
if [ "$(cat "$base/done" 2>/dev/null)" != "$recipe" ]; then
  rm -rf "$base" "$dir/www/photos" "$dir/www/photos.done"
  mkdir -p "$base"
  echo "making $nbases photo bases in $base (about $((nbases * 4 / 10 / $(nproc) + 1)) s)" >&2
  export base
  export -f make_base exif_orientation_6
  seq 0 $((nbases - 1)) | xargs -P "$(nproc)" -I{} bash -c 'make_base {}'
  echo "$recipe" > "$base/done"
fi
if [ "$(cat "$dir/www/photos.done" 2>/dev/null)" != "$n $recipe" ]; then
  rm -rf "$dir/www/photos" "$dir/www/photos.done"
  mkdir -p "$dir/www/photos"
  # one process for all the links: a fork per link would take a minute for 10,000
  python3 - "$base" "$dir/www/photos" "$n" <<'PY'
import os, sys
base, www, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
bases = sorted(f for f in os.listdir(base) if f.endswith('.jpg'))
for i in range(n):
    os.link(os.path.join(base, bases[i % len(bases)]), os.path.join(www, 'photo%d.jpg' % i))
PY
  echo "$n $recipe" > "$dir/www/photos.done"
fi
# in the links' order (photo0, photo1, ...): consecutive entries come from different bases
seq 0 $((n - 1)) | sed "s#.*#http://127.0.0.1:$port/photos/photo&.jpg#" > "$dir/photos.txt"
