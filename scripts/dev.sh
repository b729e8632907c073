#!/usr/bin/env bash
# The two ways into the project; both install what is missing, reuse an existing build, and never prompt.
#   scripts/dev.sh run    build and start the GUI connected to a fresh sandbox database
#                         (without a display: a headless demonstration against the sandbox)
#   scripts/dev.sh test   build and run the whole test suite against a real PostgreSQL server
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

usage() {
    sed -n '2,5s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
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

run_tests() {
    build ci
    ctest --preset ci
}

case "${1:-}" in
    run) run_gui ;;
    test) run_tests ;;
    *) usage ;;
esac
