#!/usr/bin/env bash
# Saves a screenshot of each main screen of the workstation, in English and in Chinese, into
# docs/screenshots/ (or the folder given as $1): installs what is missing, builds, starts the
# sandbox hub with a small generated city, sets up a workstation synced with it, and runs
# ui_screenshots (the real widgets, signed in to the hub) under Xvfb, at the two window sizes
# officers have: 1920x1080 into the folder itself, 1366x768 into its 1366x768/ subfolder.
# ADMISSIONS_SCREENSHOT_SIZES="1920x1080 1366x768" chooses the sizes.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
if [ -n "${ADMISSIONS_SCREENSHOT_TARGETS_ONLY:-}" ]; then
    # Only what this script runs (a developer's build folder that has the rest).
    [ -f "$BUILD/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j "$JOBS" --target admissions-hub admissionsctl ui_screenshots 2>&1 |
        { grep -vE '^\[ *[0-9]+%\]|^(gmake|make)\[' || true; }
else
    build
fi

OUT="$(realpath -m "${1:-$ROOT/docs/screenshots}")"
DATA="$(mktemp -d)"
PORT="${ADMISSIONS_SCREENSHOT_PORT:-8453}"
export ADMISSIONS_PASSPHRASE="screenshots-2026"
mkdir -p "$OUT"

start_hub "$DATA/hub" "$PORT" "${ADMISSIONS_SCREENSHOT_APPLICATIONS:-3000}" 0 "$DATA/hub.log"
trap 'kill $HUB_PID 2>/dev/null; rm -rf "$DATA"' EXIT
enrol_workstation "$DATA/workstation" demo.reviewer

for size in ${ADMISSIONS_SCREENSHOT_SIZES:-1920x1080 1366x768}; do
    dir="$OUT"
    [ "$size" = "1920x1080" ] || dir="$OUT/$size"
    mkdir -p "$dir"
    say "Taking the screenshots at $size under Xvfb into $dir"
    xvfb-run -a -s "-screen 0 1920x1200x24" \
        "$BUILD/tests/ui/ui_screenshots" "$dir" --data-dir "$DATA/workstation" --user demo.reviewer --size "$size"
done

# The supervision dashboard (issue 16): a generated city with officers' decisions and a supervisor, no hub.
say "Taking the supervision dashboard's screenshots under Xvfb into $OUT"
xvfb-run -a -s "-screen 0 1920x1200x24" "$BUILD/tests/ui/ui_screenshots" "$OUT" 3000 --supervision-only
