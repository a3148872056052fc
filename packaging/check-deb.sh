#!/usr/bin/env bash
# Builds the Debian package from a configured, built tree and checks it: the desktop entry
# (desktop-file-validate), the AppStream metainfo (appstreamcli validate), the files a
# desktop and `man` need, and the dependencies Qt loads at run time.
#
# Usage: packaging/check-deb.sh [BUILD_DIR]     (default: build/ci)
# Prints the package's path on the last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/ci}" && pwd)
id=io.patchwise.Patchwise

cd "$build"
rm -f patchwise_*.deb
cpack -G DEB >/dev/null
deb=$(ls "$build"/patchwise_*_*.deb)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -x "$deb" "$tree"

fail() { echo "check-deb: $*" >&2; exit 1; }

desktop-file-validate "$tree/usr/share/applications/$id.desktop" || fail "the desktop entry is not valid"
# --no-net: the screenshots' and homepage's URLs are checked for form, not fetched.
appstreamcli validate --no-net --explain "$tree/usr/share/metainfo/$id.metainfo.xml" ||
  fail "the AppStream metainfo is not valid"

for f in usr/bin/patchwise usr/bin/patchwise-cli \
  usr/share/mime/packages/$id.xml \
  usr/share/icons/hicolor/scalable/apps/$id.svg usr/share/icons/hicolor/48x48/apps/$id.png \
  usr/share/icons/hicolor/256x256/apps/$id.png \
  usr/share/man/man1/patchwise.1.gz usr/share/man/man1/patchwise-cli.1.gz \
  usr/share/patchwise/policy/default.json usr/share/doc/patchwise/copyright; do
  [[ -e "$tree/$f" ]] || fail "$f is missing from the package"
done
grep -q "^MimeType=application/x-patchwise-workspace;" "$tree/usr/share/applications/$id.desktop" ||
  fail "the desktop entry does not open workspaces"
grep -q 'type="application/x-patchwise-workspace"' "$tree/usr/share/mime/packages/$id.xml" ||
  fail "the workspace MIME type is not defined"
# The man pages render without troff warnings (when man is installed).
if command -v man >/dev/null; then
  for page in patchwise patchwise-cli; do
    warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$tree/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
    [[ -z "$warnings" ]] || fail "$page.1: $warnings"
  done
fi
depends=$(dpkg-deb -f "$deb" Depends)
for p in libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libqt6widgets6 libsqlite3-0; do
  [[ "$depends" == *"$p"* ]] || fail "Depends lacks $p: $depends"
done
# The packaged binaries are stripped and start.
"$tree/usr/bin/patchwise-cli" --version >/dev/null || fail "patchwise-cli does not start"
echo "check-deb: $(basename "$deb"): desktop entry and metainfo valid, $(dpkg-deb -c "$deb" | wc -l) entries"
echo "$deb"
