#!/usr/bin/env bash
# The project's C++ in the project's own style (.clang-format, Debian's clang-format 14).
#   scripts/format.sh          rewrite every file that is not in that style
#   scripts/format.sh --check  change nothing; list the files that are not, and fail if there are any
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

formatter=clang-format-14
mapfile -t files < <(git ls-files -- '*.cpp' '*.h')

case "${1:-}" in
    "")
        "$formatter" -i "${files[@]}"
        ;;
    --check)
        unformatted=()
        for file in "${files[@]}"; do
            "$formatter" --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
        done
        if [[ ${#unformatted[@]} -gt 0 ]]; then
            echo "error: ${#unformatted[@]} file(s) are not in the project's style (.clang-format):" >&2
            printf '  %s\n' "${unformatted[@]}" >&2
            echo "Run scripts/format.sh to rewrite them." >&2
            exit 1
        fi
        echo "All ${#files[@]} C++ files are in the project's style."
        ;;
    *)
        sed -n '2,4s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
        exit 2
        ;;
esac
