#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever the build, the tests and the GUI need and the
# machine lacks. Does nothing (and needs no network) when everything is present. Never prompts.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    # Qt 6 (Core, Sql, Concurrent, Widgets) and its PostgreSQL driver
    qt6-base-dev qt6-base-dev-tools libqt6sql6-psql libgl-dev qtkeychain-qt6-dev
    # PostgreSQL: the server for the sandbox and the tests, the client tools for backups
    postgresql postgresql-client libpq-dev
    # a virtual display for the GUI where there is no real one, and a font to draw with
    xvfb xauth fonts-dejavu-core
    # verifying gzip backups in-process, their SHA-256 checksums, and the seed's secrets (bcrypt
    # through libcrypt, Fernet through libcrypto); Python's cryptography checks our Fernet tokens
    zlib1g-dev libssl-dev libcrypt-dev python3-cryptography
    # the generated model code (export-models) imported and run: SQLAlchemy, Pydantic, psycopg2
    python3-sqlalchemy python3-pydantic python3-psycopg2
    # laying out the relationship diagram (libgvc), exporting it as SVG; graphviz's own dot for
    # the diagram benchmark
    libgraphviz-dev graphviz qt6-svg-dev
    # fuzzing the parsers of outside input (scripts/fuzz.sh): clang and its libFuzzer runtime
    clang-14 libclang-rt-14-dev
    # the project's style, checked in CI (scripts/format.sh)
    clang-format-14
    # the Debian package and its checks
    dpkg-dev desktop-file-utils appstream
    # the scheduled backups' units checked by systemd-analyze verify
    systemd
    # servers reached through an SSH host: OpenSSH's client, and a real sshd for its tests
    openssh-client openssh-server
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "All ${#packages[@]} required packages are installed."
    exit 0
fi

echo "Installing: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "error: these packages are missing and installing them needs root: ${missing[*]}" >&2
    echo "Run as root, or install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
