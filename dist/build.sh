#!/usr/bin/env bash
# Builds imgdl's distribution: a Debian package and a portable tarball, each holding imgdl with a
# Java runtime of its own (jlink), the start-up archive trained for that runtime, the man page and
# the bash and zsh completions. The one copy of these steps: `./mvnw -B package -Pdist` runs it
# (dist/pom.xml), and so does DistributionIT, so that what the tests check is what is shipped.
# Why each step is as it is: docs/install.md.
#
# usage: dist/build.sh --jdk DIR --version VERSION --from DIR --to DIR [--maintainer 'NAME <MAIL>']
#   --jdk      the JDK whose jdeps, jlink and runtime are used (17 or newer; 25+ gives an AOT cache)
#   --version  the Maven version; the package's version is made Debian-valid from it
#   --from     the build's target/ folder: imgdl, imgdl.jar, imgdl-parquet.jar, man/imgdl.1,
#              completion/imgdl.bash, completion/_imgdl
#   --to       where imgdl_DEBVERSION_amd64.deb and imgdl-VERSION-linux-x64.tar.gz are written
set -euo pipefail

die() { printf 'dist: error: %s\n' "$*" >&2; exit 1; }
say() { printf 'dist: %s\n' "$*"; }

jdk='' version='' from='' to='' maintainer='imgdl maintainers <maintainers@imgdl.invalid>'
while [ $# -gt 0 ]; do
  case $1 in
    --jdk|--version|--from|--to|--maintainer)
      [ $# -ge 2 ] || die "$1 needs a value"
      printf -v "${1#--}" '%s' "$2"
      shift 2 ;;
    *) die "unknown argument: $1 (see the usage at the top of $0)" ;;
  esac
done
for required in jdk version from to; do
  [ -n "${!required}" ] || die "--$required is missing (see the usage at the top of $0)"
done

here=$(cd "$(dirname "$0")" && pwd)
from=$(cd "$from" && pwd) || die "no folder $from"

# The packages are for Linux on x86_64 only: the runtime's native code is the JDK's.
if [ ! -x "$jdk/bin/jlink" ] || [ ! -x "$jdk/bin/jdeps" ]; then
  die "$jdk is no JDK with jlink and jdeps"
fi
release=$(cat "$jdk/release" 2>/dev/null) || die "$jdk has no release file"
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' <<< "$release")
arch=$(sed -n 's/^OS_ARCH="\(.*\)"/\1/p' <<< "$release")
[ "${feature:-0}" -ge 17 ] || die "$jdk is older than JDK 17"
case $arch in
  x86_64|amd64) ;;
  *) die "$jdk is for $arch; the packages are for amd64 (x86_64) only" ;;
esac
for tool in dpkg-deb dpkg-shlibdeps strip tar gzip; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install dpkg-dev)"
done

# What the other modules' build made, the man page and the completions included.
for input in imgdl imgdl.jar imgdl-parquet.jar man/imgdl.1 completion/imgdl.bash \
    completion/_imgdl; do
  [ -f "$from/$input" ] || die "missing $from/$input: build it first (./mvnw -B package)"
done

# A Debian version from the Maven one: 1.0.0-SNAPSHOT is 1.0.0~SNAPSHOT, which sorts before 1.0.0.
deb_version=${version//-/\~}
[[ $deb_version =~ ^[0-9][A-Za-z0-9.+~]*$ ]] \
  || die "version $version cannot be made a Debian version"

mkdir -p "$to"
to=$(cd "$to" && pwd)
work=$to/.work
rm -rf "$work" "$to"/imgdl_*_amd64.deb "$to"/imgdl-*-linux-x64.tar.gz
trap 'rm -rf "$work"' EXIT
deb=$work/deb
lib=$deb/usr/lib/imgdl
top=$work/tar/imgdl-$version
mkdir -p "$lib" "$top/bin"

# The runtime: the modules jdeps finds in both jars, and those it cannot see because they are
# reached by reflection: before JDK 22 the EC algorithms of TLS (ECDHE, ECDSA certificates) are in
# the provider of jdk.crypto.ec, which java.base loads by name. Of java.desktop (ImageIO, and
# java.beans), the native libraries that link X11, ALSA or fonts are left out: imgdl draws and
# plays nothing. JPEG (libjavajpeg) and colour management (liblcms: CMYK JPEGs, ICC profiles)
# stay, since --resize decodes and encodes images with them; a JDK built against the system's
# libjpeg and lcms2 (Debian's) makes the package depend on those two.
# jdeps and jlink are short Java runs too: C1 and the serial collector took about 40% off each.
quick=(-J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC)
say "modules of imgdl.jar and imgdl-parquet.jar (jdeps, JDK $feature)"
modules=$("$jdk/bin/jdeps" "${quick[@]}" --print-module-deps --ignore-missing-deps \
  --multi-release "$feature" "$from/imgdl.jar" "$from/imgdl-parquet.jar")
if [ "$feature" -lt 22 ]; then
  modules=$modules,jdk.crypto.ec
fi
if [ "$feature" -ge 21 ]; then compress=zip-6; else compress=2; fi
excluded=
for native in libawt_xawt libjawt libsplashscreen libjsound libfontmanager libfreetype; do
  excluded=$excluded${excluded:+,}glob:/java.desktop/lib/$native.so
done
say "runtime: $modules"
"$jdk/bin/jlink" "${quick[@]}" --add-modules "$modules" --strip-debug --no-header-files \
  --no-man-pages --compress="$compress" --generate-cds-archive --exclude-files="$excluded" \
  --output "$lib/runtime" >"$work/jlink.log" 2>&1 \
  || { cat "$work/jlink.log" >&2; die "jlink failed"; }
# The runtime's own archive of JDK classes, for the options imgdl runs with; not its variants for
# a heap over 32 GB or compact object headers (10 to 16 MB each), which imgdl does not ask for.
find "$lib/runtime/lib/server" -name 'classes_*.jsa' -delete
# Its binaries (libraries, launchers, helpers) stripped as Debian strips its own (dh_strip): 4 MB
# less; a JVM crash report then names fewer native frames.
binaries() { find "$1" -type f \( -name '*.so' -o -perm -u=x \) -print0; }
binaries "$lib/runtime" | xargs -0 strip --remove-section=.comment --remove-section=.note \
  --strip-unneeded

# The application beside the launcher, which finds runtime/ there. The jars' times are whole
# seconds, so that a package or tarball (which keep seconds) leaves them as the archive recorded
# them, and a little in the past, so that the archive is newer, as the launcher requires.
cp "$from/imgdl" "$from/imgdl.jar" "$from/imgdl-parquet.jar" "$lib/"
chmod -R u=rwX,go=rX "$lib"
chmod 755 "$lib/imgdl"
touch -d "@$(( $(date +%s) - 2 ))" "$lib/imgdl" "$lib/imgdl.jar" "$lib/imgdl-parquet.jar"

# The start-up archive, trained as the cli module trains target/imgdl-FEATURE.jsa (and as the
# launcher does on first use): dev.imgdl.cli.Training on the runtime itself, with the options of
# the launcher that a JDK 25 AOT cache records (those of JDK 24 and newer, see the launcher).
if [ "$feature" -ge 25 ]; then
  ext=aot train=-XX:AOTCacheOutput= use=-XX:AOTCache= strict=-XX:AOTMode=on
else
  ext=jsa train=-XX:ArchiveClassesAtExit= use=-XX:SharedArchiveFile= strict=-Xshare:on
fi
access=()
if [ "$feature" -ge 24 ]; then
  access=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
archive=$lib/imgdl-$feature.$ext
say "start-up archive ($ext), trained on the runtime"
if ! (cd "$work" && "$lib/runtime/bin/java" -XX:+UseSerialGC -Xlog:disable "${access[@]}" \
    "$train$archive.tmp" -cp "$lib/imgdl.jar" dev.imgdl.cli.Training) >"$work/training.log" 2>&1 \
    || [ ! -s "$archive.tmp" ]; then
  cat "$work/training.log" >&2
  die "the training run failed"
fi
mv "$archive.tmp" "$archive"
rm -f "$archive.tmp.config"
chmod 644 "$archive"

# The tarball's tree: the same files, lib/ in place of /usr/lib/imgdl. Copies, not hard links: a
# JVM takes a jar at another path that is the same file (inode) for the one it trained with.
cp -a "$lib" "$top/lib"
ln -s ../lib/imgdl "$top/bin/imgdl"

# Installed elsewhere than where it was trained, the archive must still be mapped: JDK 20 and newer
# find the jars by the path they share (JDK-8279366), while JDK 17 to 19 refuse an archive whose
# jars moved. So it is mapped here from the tarball's tree, strictly (a refusal is an error), and
# left out when refused: the installed command then trains one on first use, as the launcher does
# for any other JDK, over the runtime's own archive of JDK classes (--generate-cds-archive).
options="-XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr"
[ "$feature" -ge 25 ] || options="$options -XX:TieredStopAtLevel=1"
# shellcheck disable=SC2086  # the options are words
if "$top/lib/runtime/bin/java" $options "${access[@]}" "$strict" "$use$top/lib/${archive##*/}" \
    -jar "$top/lib/imgdl.jar" --version >"$work/moved.log" 2>&1; then
  say "the archive is mapped from another folder: shipped as ${archive##*/}"
else
  say "JDK $feature refuses an archive whose jars moved: none shipped (trained on first use)"
  rm -f "$archive" "$top/lib/${archive##*/}"
fi

# The package's other files, where Debian expects them.
mkdir -p "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/bash-completion/completions" \
  "$deb/usr/share/zsh/vendor-completions" "$deb/usr/share/doc/imgdl" "$deb/DEBIAN"
ln -s ../lib/imgdl/imgdl "$deb/usr/bin/imgdl"
gzip -9n < "$from/man/imgdl.1" > "$deb/usr/share/man/man1/imgdl.1.gz"
cp "$from/completion/imgdl.bash" "$deb/usr/share/bash-completion/completions/imgdl"
cp "$from/completion/_imgdl" "$deb/usr/share/zsh/vendor-completions/_imgdl"
cp "$here/copyright" "$deb/usr/share/doc/imgdl/copyright"
# A package of its own sources (Debian's "native" kind) carries a changelog; the project's history
# is its git log.
printf '%s\n' "imgdl ($deb_version) unstable; urgency=medium" "" \
  "  * Built by dist/build.sh; the changes are in the project's git history." "" \
  " -- $maintainer  $(date -R)" | gzip -9n > "$deb/usr/share/doc/imgdl/changelog.gz"
find "$deb/usr/share" -type f -exec chmod 644 {} +

# Depends: the libraries the runtime's binaries link, by the packages that provide them here
# (dpkg-shlibdeps, from their symbols files), found from a stand-in source package whose
# package build tree is the package's tree.
mkdir -p "$work/src/debian"
printf 'Source: imgdl\n\nPackage: imgdl\nArchitecture: amd64\n' > "$work/src/debian/control"
ln -s "$deb" "$work/src/debian/imgdl"
elves=()
while IFS= read -r -d '' file; do
  elves+=("${file#"$work/src/"}")
done < <(binaries "$work/src/debian/imgdl/usr/lib/imgdl/runtime/")
depends=$(cd "$work/src" && dpkg-shlibdeps -O -ldebian/imgdl/usr/lib/imgdl/runtime/lib \
  -ldebian/imgdl/usr/lib/imgdl/runtime/lib/server "${elves[@]}" 2>"$work/shlibdeps.log") \
  || { cat "$work/shlibdeps.log" >&2; die "dpkg-shlibdeps failed"; }
depends=${depends#shlibs:Depends=}
[ -n "$depends" ] || die "dpkg-shlibdeps found no dependency (see $work/shlibdeps.log)"

cat > "$deb/DEBIAN/control" <<EOF
Package: imgdl
Version: $deb_version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --apparent-size "$deb/usr" | cut -f1)
Depends: $depends
Section: utils
Priority: optional
Description: batch image downloader: parallel, validated, atomic, accounted for
 imgdl downloads a list of image URLs in parallel into a folder, proves each
 file is an image, writes it atomically, and accounts for every line in a
 summary, an exit code and a JSON report. It reads CSV, TSV, JSON lines and
 Parquet tables and writes WebDataset shards. It brings its own Java runtime.
EOF

# dpkg-deb keeps the files' times, which the archive checks, unless SOURCE_DATE_EPOCH clamps them.
# gzip -6, not xz or gzip -9: the jars and the runtime's modules are compressed already, and xz
# took a minute more for 5 MB less, gzip -9 five seconds more for 0.1 MB less.
package=$to/imgdl_${deb_version}_amd64.deb
say "package ${package##*/}"
env -u SOURCE_DATE_EPOCH dpkg-deb --root-owner-group -Zgzip -z6 --build "$deb" "$package" \
  >/dev/null

mkdir -p "$top/man/man1" "$top/completion"
cp "$from/man/imgdl.1" "$top/man/man1/imgdl.1"
cp "$from/completion/imgdl.bash" "$from/completion/_imgdl" "$top/completion/"
cp "$here/copyright" "$top/copyright"
chmod 644 "$top/man/man1/imgdl.1" "$top/completion/"* "$top/copyright"
tarball=$to/imgdl-$version-linux-x64.tar.gz
say "tarball ${tarball##*/}"
tar -C "$work/tar" --owner=0 --group=0 --numeric-owner --sort=name -czf "$tarball" \
  "imgdl-$version"
say "done: $(du -h "$package" | cut -f1) package, $(du -h "$tarball" | cut -f1) tarball," \
  "$(du -sh "$top" | cut -f1) unpacked, $(du -sh "$lib/runtime" | cut -f1) runtime"
