#!/usr/bin/env bash
# The ways into the project; each installs what is missing, reuses an existing build, and never prompts.
#   scripts/dev.sh run    build and start the GUI connected to a fresh sandbox database
#                         (without a display: a headless demonstration against the sandbox)
#   scripts/dev.sh test   what CI runs: the format check, the whole test suite against a real PostgreSQL
#                         server (optimised), the suite again under ASan+UBSan with leak detection, and
#                         each fuzz target briefly
#   scripts/dev.sh suite  the whole test suite once, optimised (the quick check while working)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() {
    sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

build() {
    local preset="$1"
    "$root/scripts/install-dependencies.sh"
    if [[ ! -f "build/$preset/build.ninja" ]]; then
        cmake --preset "$preset"
    fi
    cmake --build --preset "$preset"
}

run_gui() {
    build dev
    local gui="build/dev/app/gui/netraven-dbadmin"
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
        exec "$gui" --sandbox
    fi
    local screenshot="$root/build/dev/demo.png"
    echo
    echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the GUI cannot open a window here."
    echo "Running a headless demonstration instead: the GUI on a virtual display (Xvfb) starts a sandbox"
    echo "server, connects to a fresh 'netraven' database, and saves a picture of its window."
    echo
    xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" "$gui" --sandbox --screenshot "$screenshot"
}

run_suite() {
    build ci
    ctest --preset ci
}

# The style first (it fails in seconds), then the suite; then the suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, leaks included (CMakePresets.json, tests/sanitizers/lsan.supp), then
# every fuzz target for a short run over its corpus.
run_tests() {
    "$root/scripts/install-dependencies.sh"
    "$root/scripts/format.sh" --check
    run_suite
    build asan
    ctest --preset asan
    "$root/scripts/fuzz.sh" --seconds "${NRDB_FUZZ_SECONDS:-15}"
}

case "${1:-}" in
    run) run_gui ;;
    test) run_tests ;;
    suite) run_suite ;;
    *) usage ;;
esac
