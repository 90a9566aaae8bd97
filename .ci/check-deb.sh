#!/usr/bin/env bash
# Checks the .deb that `cargo deb` built: the binary (stripped), the menu entry that opens a
# project file, the icons and the MIME type for *.isnad.ron. Usage: .ci/check-deb.sh [FILE.deb]
# (default: the newest target/debian/isnad_*.deb).
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-$(ls -t target/debian/isnad_*.deb 2>/dev/null | head -n 1)}"
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "check-deb: no .deb found (run cargo deb first)" >&2
    exit 1
fi

contents="$(dpkg-deb -c "$deb")"
status=0
for path in \
    ./usr/bin/isnad \
    ./usr/share/applications/isnad.desktop \
    ./usr/share/icons/hicolor/scalable/apps/isnad.svg \
    ./usr/share/icons/hicolor/256x256/apps/isnad.png \
    ./usr/share/mime/packages/isnad.xml; do
    if ! grep -qF " $path" <<<"$contents"; then
        echo "check-deb: $deb lacks $path" >&2
        status=1
    fi
done

# The package's control fields and the files' own contents.
unpacked="$(mktemp -d)"
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
grep -qx 'Exec=isnad %f' "$unpacked/usr/share/applications/isnad.desktop" ||
    { echo "check-deb: the .desktop entry does not pass the file (%f)" >&2; status=1; }
grep -qx 'MimeType=application/x-isnad-project;' "$unpacked/usr/share/applications/isnad.desktop" ||
    { echo "check-deb: the .desktop entry does not claim application/x-isnad-project" >&2; status=1; }
grep -q '<glob pattern="\*.isnad.ron"' "$unpacked/usr/share/mime/packages/isnad.xml" ||
    { echo "check-deb: the MIME XML has no *.isnad.ron glob" >&2; status=1; }
if command -v readelf >/dev/null && readelf -SW "$unpacked/usr/bin/isnad" | grep -qE '\.debug_(info|line|str|abbrev|ranges|loc)'; then
    echo "check-deb: usr/bin/isnad still carries debug sections" >&2
    status=1
fi
"$unpacked/usr/bin/isnad" --version >/dev/null ||
    { echo "check-deb: the packaged binary does not run" >&2; status=1; }

if [ "$status" = 0 ]; then
    size="$(stat -c %s "$unpacked/usr/bin/isnad")"
    echo "check-deb: $deb ok ($(stat -c %s "$deb") bytes; usr/bin/isnad $size bytes)"
fi
exit "$status"
