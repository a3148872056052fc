#!/usr/bin/env bash
# Installs the Debian 12 packages Patchwise needs to build, test and run — only those that
# are missing, so a second run costs one dpkg query and no network.
#
# Usage: packaging/install-deps.sh [--gui]
#   --gui  also install what running the workbench on a bare server needs (xvfb not included:
#          a desktop session is assumed).
# Run as root, or as a user with sudo.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libqt6svg6
  libqcustomplot-dev libsqlite3-dev zlib1g-dev libsimdjson-dev libxxhash-dev libgl-dev
  qt6-qpa-plugins libxkbcommon-x11-0
  fonts-dejavu-core # the PDF reports' typeface
  poppler-utils     # the tests read the PDF reports back (pdftotext)
  dpkg-dev desktop-file-utils appstream man-db # the Debian package: build and validate it
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
