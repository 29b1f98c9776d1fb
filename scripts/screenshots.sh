#!/usr/bin/env bash
# Saves a screenshot of each main screen of the workstation, in English and in Chinese, into
# docs/screenshots/ (or the folder given as $1): installs what is missing, builds, starts the
# sandbox hub with a small generated city, sets up a workstation synced with it, and runs
# ui_screenshots (the real widgets, signed in to the hub) under Xvfb.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build

OUT="$(realpath -m "${1:-$ROOT/docs/screenshots}")"
DATA="$(mktemp -d)"
PORT="${ADMISSIONS_SCREENSHOT_PORT:-8453}"
export ADMISSIONS_PASSPHRASE="screenshots-2026"
mkdir -p "$OUT"

start_hub "$DATA/hub" "$PORT" "${ADMISSIONS_SCREENSHOT_APPLICATIONS:-3000}" 0 "$DATA/hub.log"
trap 'kill $HUB_PID 2>/dev/null; rm -rf "$DATA"' EXIT
enrol_workstation "$DATA/workstation" demo.reviewer

say "Taking the screenshots under Xvfb into $OUT"
xvfb-run -a -s "-screen 0 1920x1200x24" \
    "$BUILD/tests/ui/ui_screenshots" "$OUT" --data-dir "$DATA/workstation" --user demo.reviewer
