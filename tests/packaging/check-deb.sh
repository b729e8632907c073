#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a temporary root (dpkg -x) and checks what a user
# would get: runnable executables, the runtime dependencies, a valid desktop entry and AppStream
# metainfo, and the icon set.
#   check-deb.sh BUILD_DIR VERSION
set -euo pipefail
build_dir=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in libqt6widgets6 libqt6sql6 libqt6sql6-psql libqt6svg6 libqt6keychain1 libpq5 libgvc6 postgresql-client; do
    grep -Eq "(^|, )$package( |,|$)" <<<"$depends" || fail "the package does not depend on $package"
done

dpkg -x "$deb" "$work/root"
root=$work/root
[[ "$("$root/usr/bin/netraven-dbctl" --version)" == "netraven-dbctl $version" ]] || fail "netraven-dbctl --version"
[[ "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/netraven-dbadmin" --version)" == "netraven-dbadmin $version" ]] \
    || fail "netraven-dbadmin --version"

desktop-file-validate "$root/usr/share/applications/org.netraven.DbAdmin.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.netraven.DbAdmin.metainfo.xml" || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/org.netraven.DbAdmin.metainfo.xml" || fail "metainfo release"

icons=$root/usr/share/icons/hicolor
[[ -s "$icons/scalable/apps/netraven-dbadmin.svg" ]] || fail "no scalable icon"
for size in 16 24 32 48 64 128 256; do
    png="$icons/${size}x${size}/apps/netraven-dbadmin.png"
    [[ -s "$png" ]] || fail "no ${size}x${size} icon"
    # The PNG header says how large the picture is: bytes 16-23 hold width and height.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ "$width" == "$size" && "$height" == "$size" ]] || fail "$png is ${width}x${height}"
done
echo "all checks passed"
