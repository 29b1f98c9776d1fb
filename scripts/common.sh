# Shared by scripts/demo.sh and scripts/test.sh: install what is missing, then build.
# Works on a fresh Debian 12 as root, or as a user with sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ADMISSIONS_BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

PACKAGES=(
    g++ make cmake pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6sql6-sqlite libgl-dev
    libsqlcipher-dev sqlcipher libssl-dev openssl libqrencode-dev
    xvfb xauth fonts-noto-cjk
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
