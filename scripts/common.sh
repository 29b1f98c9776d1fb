# Shared by scripts/demo.sh and scripts/test.sh: install what is missing, then build.
# Works on a fresh Debian 12 as root, or as a user with sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ADMISSIONS_BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

PACKAGES=(
    g++ make cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
    libsqlcipher-dev sqlcipher libssl-dev openssl libqrencode-dev libboost-dev
    xvfb xauth fonts-noto-cjk libxlsxwriter-dev poppler-utils zbar-tools unzip
    python3
)

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${#missing[@]} missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            say "These packages are missing and this user cannot install them (not root, no sudo)."
            say "As root, run: apt-get update && apt-get install -y ${missing[*]}"
            exit 2
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
    if [ ! -f "$BUILD/CMakeCache.txt" ]; then
        say "Configuring in $BUILD"
        cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    say "Building with $JOBS jobs"
    # Progress lines are hidden; warnings and errors show. pipefail keeps the build's exit status.
    cmake --build "$BUILD" -j "$JOBS" 2>&1 | { grep -vE '^\[ *[0-9]+%\]|^(gmake|make)\[' || true; }
}

# start_hub DIR PORT APPLICATIONS LIVE_RATE LOG: starts the sandbox hub in the background (the first
# start in DIR generates the city), waits until it listens, sets HUB_PID and HUB_URL, and stops it
# when the script exits. LIVE_RATE 0: the city stands still.
start_hub() {
    local dir="$1" port="$2" apps="$3" live="$4" log="$5"
    say "Starting the sandbox hub on https://127.0.0.1:$port (first start generates a city of $apps applications)"
    rm -f "$dir/hub-url"
    local extra=()
    [ "$live" != "0" ] && extra=(--live "$live")
    "$BUILD/bin/admissions-hub" --data-dir "$dir" --listen "127.0.0.1:$port" --applications "$apps" --seed 2026 \
        "${extra[@]}" >>"$log" 2>&1 &
    HUB_PID=$!
    trap 'kill $HUB_PID 2>/dev/null' EXIT
    for _ in $(seq 1 600); do
        [ -s "$dir/hub-url" ] && break
        kill -0 $HUB_PID 2>/dev/null || { say "The hub stopped; see $log"; tail -5 "$log" >&2; exit 1; }
        sleep 0.5
    done
    HUB_URL="$(cat "$dir/hub-url")"
    HUB_DIR="$dir"
}

# account_field ROLE FIELD: the account or password of the first sandbox account with ROLE
# (accounts.json is written by the sandbox hub only).
account_field() {
    awk -v role="\"$1\"" -v field="\"$2\"" '
        /^    \{/ { acc = ""; pw = ""; isrole = 0 }
        $1 == "\"account\":" { acc = $2 }
        $1 == "\"password\":" { pw = $2 }
        $0 ~ "^            " role { isrole = 1 }
        /^    \}/ { if (isrole && !done) { print (field == "\"account\"" ? acc : pw); done = 1 } }
    ' "$HUB_DIR/accounts.json" | tr -d '",'
}

# enrol_workstation WS USER: a workstation in WS with USER (a reviewer), enrolled with the hub
# started above and signed in as its first reviewer account; then synced. Needs
# ADMISSIONS_PASSPHRASE; sets HUB_ACCOUNT and exports ADMISSIONS_HUB_PASSWORD.
enrol_workstation() {
    local ws="$1" user="$2" ctl="$BUILD/bin/admissionsctl"
    HUB_ACCOUNT="$(account_field reviewer account)"
    export ADMISSIONS_HUB_PASSWORD="$(account_field reviewer password)"
    if [ ! -f "$ws/keys.json" ]; then
        say "Setting up the workstation and enrolling it with the hub"
        "$ctl" init --data-dir "$ws" --user "$user" --role reviewer
        "$ctl" connect --data-dir "$ws" --hub "$HUB_URL" --ca "$HUB_DIR/ca.pem"
        "$ctl" login --data-dir "$ws" --account "$HUB_ACCOUNT"
    fi
    say "Syncing the workstation with the hub"
    "$ctl" sync --data-dir "$ws" >/dev/null
}
