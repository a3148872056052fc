#!/usr/bin/env bash
# Installs the Debian package on a fresh Debian 12 (bookworm) made with debootstrap and
# checks that it works there: apt resolves every dependency, patchwise-cli imports a report
# and lists its findings, the man pages are in place, and the workbench starts under Xvfb,
# opens a workspace (created owner-only) and draws its window (a screenshot is kept).
#
# Usage (as root, with a Debian mirror reachable):
#   packaging/test-install.sh DEB [REPORT] [ROOT]
#     DEB     the package (packaging/check-deb.sh prints its path)
#     REPORT  a scanner report to import (default: the bundled demo's first scan)
#     ROOT    where the Debian 12 root lives (default /tmp/patchwise-bookworm; made when
#             missing, reused otherwise — remove it for a fresh run)
# Writes ROOT/tmp/patchwise-check/shot.xwd (convert it with ImageMagick to look at it).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
deb=$(realpath "$1")
report=$(realpath "${2:-$(ls "$here"/resources/demo/data/scans/*.json.gz | head -1)}")
root=${3:-/tmp/patchwise-bookworm}

if [[ ! -x "$root/usr/bin/apt-get" ]]; then
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
cleanup() { umount -l "$root/proc" "$root/dev" 2>/dev/null || true; }
trap cleanup EXIT
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
work=/tmp/patchwise-check
rm -rf "$root$work" && mkdir -p "$root$work/home"
cp "$deb" "$report" "$root$work/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=$work/home LANG=C.UTF-8 "$@"; }

in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall --no-install-recommends \
  "$work/$(basename "$deb")" xvfb xauth x11-apps >/dev/null
echo "test-install: installed $(in_root dpkg-query -W -f='${Package} ${Version}' patchwise)"

in_root patchwise-cli --version
in_root patchwise-cli import --db "$work/fleet.pw" "$work/$(basename "$report")" >/dev/null
findings=$(in_root patchwise-cli findings --db "$work/fleet.pw" --format csv | tail -n +2 | wc -l)
((findings > 0)) || { echo "test-install: no findings after the import" >&2; exit 1; }
echo "test-install: patchwise-cli imported $(basename "$report") and lists $findings findings"
in_root test -s /usr/share/man/man1/patchwise-cli.1.gz
in_root test -s /usr/share/applications/io.patchwise.Patchwise.desktop
in_root grep -q "application/x-patchwise-workspace" /usr/share/mime/packages/io.patchwise.Patchwise.xml
# The MIME database knows workspaces after the package's triggers ran.
in_root grep -q "x-patchwise-workspace" /usr/share/mime/globs2 ||
  echo "test-install: note: shared-mime-info is not installed here, so *.pw is not registered"

# The workbench: starts, opens the workspace, stays up; a screenshot of its window.
in_root bash -c "
  Xvfb :77 -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 & xvfb=\$!
  sleep 2
  mkdir -m 700 -p $work/run
  DISPLAY=:77 XDG_RUNTIME_DIR=$work/run patchwise $work/fleet.pw >$work/gui.log 2>&1 & app=\$!
  sleep 10
  alive=0; kill -0 \$app 2>/dev/null && alive=1
  xwd -root -display :77 -silent > $work/shot.xwd
  kill \$app \$xvfb 2>/dev/null; wait \$app 2>/dev/null
  [[ \$alive == 1 ]] || { echo 'test-install: the workbench exited:'; cat $work/gui.log; exit 1; }
"
mode=$(stat -c %a "$root$work/fleet.pw")
[[ "$mode" == 600 ]] || { echo "test-install: the workspace is mode $mode, not 600" >&2; exit 1; }
echo "test-install: the workbench ran under Xvfb on the workspace (mode $mode)"
echo "test-install: screenshot in $root$work/shot.xwd"
