#!/usr/bin/env bash
# Installs what is missing, builds, starts the sandbox hub with a generated city (and --live, so
# the city keeps moving), sets up a workstation enrolled with it and synced, prints the accounts
# to sign in with, and starts the workstation. Data lives in demo-data/ (delete it to start afresh).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build

DATA="${ADMISSIONS_DEMO_DIR:-$ROOT/demo-data}"
HUB_DIR="$DATA/hub"
WS="$DATA/workstation"
PORT="${ADMISSIONS_DEMO_PORT:-8443}"
APPS="${ADMISSIONS_DEMO_APPLICATIONS:-42000}"
LOCAL_USER=demo.reviewer
export ADMISSIONS_PASSPHRASE="${ADMISSIONS_DEMO_PASSPHRASE:-rizhao-demo-2026}"
mkdir -p "$DATA"

start_hub "$HUB_DIR" "$PORT" "$APPS" "${ADMISSIONS_DEMO_LIVE_RATE:-0.5}" "$DATA/hub.log"
enrol_workstation "$WS" "$LOCAL_USER"

cat >&2 <<MSG

  Sandbox hub:      $HUB_URL   (log: $DATA/hub.log; other demo accounts in $HUB_DIR/accounts.json)
  Workstation:      $WS
  Local user:       $LOCAL_USER
  Passphrase:       $ADMISSIONS_PASSPHRASE
  Hub account:      $HUB_ACCOUNT
  Hub password:     $ADMISSIONS_HUB_PASSWORD
  (demo only)

MSG
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display here. From a desktop session, start the workstation with:"
    say "  $BUILD/bin/admissions-workstation --data-dir $WS"
    say "The hub keeps running (and the city moving) until you press Ctrl+C."
    wait $HUB_PID
    exit 0
fi
"$BUILD/bin/admissions-workstation" --data-dir "$WS"
