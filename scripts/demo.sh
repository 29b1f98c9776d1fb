#!/usr/bin/env bash
# Installs what is missing, builds, generates a demo city into an encrypted workstation cache, and
# starts the workstation on it. Data lives in demo-data/ (delete it to start afresh).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build

DATA="${ADMISSIONS_DEMO_DIR:-$ROOT/demo-data}"
WS="$DATA/workstation"
USER_NAME=demo.reviewer
export ADMISSIONS_PASSPHRASE="${ADMISSIONS_DEMO_PASSPHRASE:-rizhao-demo-2026}"
CTL="$BUILD/bin/admissionsctl"
APPS="${ADMISSIONS_DEMO_APPLICATIONS:-42000}"

if [ ! -f "$WS/keys.json" ]; then
    mkdir -p "$DATA"
    say "Generating a synthetic city of $APPS applications"
    "$CTL" generate --applications "$APPS" --seed 2026 --out "$DATA/city.jsonl" --truth "$DATA/city-truth.jsonl"
    say "Setting up the demo workstation"
    "$CTL" init --data-dir "$WS" --user "$USER_NAME" --role reviewer
    "$CTL" import --data-dir "$WS" "$DATA/city.jsonl"
fi
"$CTL" stats --data-dir "$WS"

cat >&2 <<MSG

  Demo workstation: $WS
  Sign in as:       $USER_NAME
  Passphrase:       $ADMISSIONS_PASSPHRASE   (demo only)

MSG
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display here. Start the workstation from a desktop session with:"
    say "  $BUILD/bin/admissions-workstation --data-dir $WS"
    exit 0
fi
exec "$BUILD/bin/admissions-workstation" --data-dir "$WS"
