#!/usr/bin/env bash
# Takes a screenshot of the real window under Xvfb (not run by CI).
# Needs: apt-get install xvfb xdotool imagemagick libgl1-mesa-dri
# Usage: docs/screenshot.sh OUTPUT.png [ARGS FOR isnad...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$1
shift
cargo build --release
display=:${DISPLAY_NUMBER:-97}
Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display target/release/isnad "$@" &
app=$!
sleep "${WAIT_SECONDS:-6}"
DISPLAY=$display import -window root "$out"
echo "wrote $out"
