#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (CTest). Usage: bash scripts/test.sh [ctest args]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_missing
build
say "Running the tests"
cd "$BUILD"
exec ctest --output-on-failure --timeout 900 -j "$JOBS" "$@"
