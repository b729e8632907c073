#!/usr/bin/env bash
# Makes the README's screenshots on a virtual display (Xvfb), against a sandbox server with a
# fresh NetRaven (v2) database, in the Light appearance and (the -dark ones) the Dark:
#   docs/screenshots/schema-browser.png  diagram.png  backup.png  verify.png
#   docs/screenshots/schema-browser-dark.png  diagram-dark.png  verify-dark.png
#   docs/screenshots/environments.png  environments-dark.png (the start page, with saved profiles)
# Anyone can run it again after changing the GUI: scripts/screenshots.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-dependencies.sh"
[[ -f build/dev/build.ninja ]] || cmake --preset dev
cmake --build --preset dev --target netraven-dbadmin netraven-dbctl

dbctl="$root/build/dev/app/cli/netraven-dbctl"
gui="$root/build/dev/app/gui/netraven-dbadmin"
out="$root/docs/screenshots"
mkdir -p "$out"
work=$(mktemp -d)
state="$work/sandbox.json"
cleanup() {
    "$dbctl" sandbox stop --state-file "$state" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

"$dbctl" sandbox start --state-file "$state" >/dev/null
field() { sed -n "s/.*\"$1\": *\"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}$/\1/p" "$state"; }
export PGPASSFILE
PGPASSFILE=$(field passFile)
uri="postgresql://$(field superuser)@$(field host):$(field port)/netraven"
"$dbctl" bootstrap "$uri" >/dev/null 2>&1

# Each picture from a window with no saved state: a fresh home for the settings. A name ending in
# -dark is taken in the Dark appearance, any other in the Light.
shoot() {
    local name=$1
    shift
    local look=light
    [[ $name == *-dark ]] && look=dark
    local home="$work/home-$name"
    mkdir -p "$home" && chmod 700 "$home"
    local target=("$uri")
    [[ $name == environments* ]] && target=() # the start page, with the profiles saved below
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home" \
        xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
        "$gui" -geometry 1280x820+0+0 "${target[@]}" "$@" --appearance "$look" --screenshot "$out/$name.png"
}

# The Environments view: two production sites (one backed up), a staging server that is down, and
# a developer's database; saved the way netraven-dbctl profile add saves them.
base="postgresql://$(field superuser)@$(field host):$(field port)"
"$dbctl" bootstrap "$base/netraven_site_b" >/dev/null 2>&1
for name in environments environments-dark; do
    home="$work/home-$name"
    mkdir -p "$home" && chmod 700 "$home"
    "$dbctl" backup "$uri" --dir "$home/netraven-backups" >/dev/null 2>&1
    while read -r profile tier connection; do
        XDG_CONFIG_HOME="$home/.config" "$dbctl" profile add "$profile" "$connection" --tier "$tier" >/dev/null
    done <<PROFILES
site-a prod $uri
site-b prod $base/netraven_site_b
staging-old staging postgresql://postgres@127.0.0.1:1/netraven
laptop dev $base/postgres
PROFILES
    shoot "$name"
done

shoot schema-browser --select public.devices
shoot schema-browser-dark --select public.devices
shoot diagram --diagram
shoot diagram-dark --diagram
TMPDIR=$work shoot backup --run backup # into $work/netraven-dbadmin-backups
# Verify on a database that drifted: an index dropped, a column retyped, a table added.
psql -X -q -v ON_ERROR_STOP=1 -d "$uri" \
    -c "DROP INDEX public.ix_devices_hostname" \
    -c "ALTER TABLE public.tags ALTER COLUMN type TYPE varchar(32)" \
    -c "CREATE TABLE public.scratch_notes (id serial PRIMARY KEY, note text)"
shoot verify --run verify
shoot verify-dark --run verify
echo "Screenshots in $out"
