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
CTL="$BUILD/bin/admissionsctl"
mkdir -p "$DATA"

say "Starting the sandbox hub on https://127.0.0.1:$PORT (first start generates a city of $APPS applications)"
rm -f "$HUB_DIR/hub-url"
"$BUILD/bin/admissions-hub" --data-dir "$HUB_DIR" --listen "127.0.0.1:$PORT" --applications "$APPS" --seed 2026 \
    --live "${ADMISSIONS_DEMO_LIVE_RATE:-0.5}" >>"$DATA/hub.log" 2>&1 &
HUB_PID=$!
trap 'kill $HUB_PID 2>/dev/null' EXIT
for _ in $(seq 1 600); do
    [ -s "$HUB_DIR/hub-url" ] && break
    kill -0 $HUB_PID 2>/dev/null || { say "The hub stopped; see $DATA/hub.log"; tail -5 "$DATA/hub.log" >&2; exit 1; }
    sleep 0.5
done
HUB_URL="$(cat "$HUB_DIR/hub-url")"

# The first reviewer account of the sandbox (accounts.json is written by the hub, sandbox only).
account_field() { # $1 = role, $2 = field
    awk -v role="\"$1\"" -v field="\"$2\"" '
        /^    \{/ { acc = ""; pw = ""; isrole = 0 }
        $1 == "\"account\":" { acc = $2 }
        $1 == "\"password\":" { pw = $2 }
        $0 ~ "^            " role { isrole = 1 }
        /^    \}/ { if (isrole && !done) { print (field == "\"account\"" ? acc : pw); done = 1 } }
    ' "$HUB_DIR/accounts.json" | tr -d '",'
}
HUB_ACCOUNT="$(account_field reviewer account)"
export ADMISSIONS_HUB_PASSWORD="$(account_field reviewer password)"

if [ ! -f "$WS/keys.json" ]; then
    say "Setting up the demo workstation and enrolling it with the hub"
    "$CTL" init --data-dir "$WS" --user "$LOCAL_USER" --role reviewer
    "$CTL" connect --data-dir "$WS" --hub "$HUB_URL" --ca "$HUB_DIR/ca.pem"
    "$CTL" login --data-dir "$WS" --account "$HUB_ACCOUNT"
fi
say "Syncing the workstation with the hub"
"$CTL" sync --data-dir "$WS" >/dev/null

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
