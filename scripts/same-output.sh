#!/usr/bin/env bash
# Speed work must not change what plancorpus writes. This records the corpora built by the current
# dist/ and later compares a new build with them, byte for byte:
#   scripts/same-output.sh record DIR    build fixtures/, ../shared/corpora (when present) and a synthetic
#                                        corpus of 300 documents (seed 7, made once into DIR/in) into DIR
#   scripts/same-output.sh compare DIR   build the same inputs into a scratch folder and diff -r with DIR;
#                                        exit 1 and list the files that differ
# Run `npm run build` first: it uses bin/plancorpus.js with the dist/ beside it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"; dir="${2:-}"
if [[ -z "$mode" || -z "$dir" ]]; then echo "usage: $0 record|compare DIR" >&2; exit 2; fi
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
if [[ ! -d "$dir/in/synthetic" ]]; then
  [[ "$mode" == record ]] || { echo "$dir has no recorded inputs: run '$0 record $dir' first" >&2; exit 2; }
  node "$ROOT/scripts/synthetic-corpus.mjs" 300 "$dir/in/synthetic" --seed 7 >/dev/null
fi
build() { # INPUT OUT
  local status=0
  node "$ROOT/bin/plancorpus.js" build "$1" --out "$2" -q --workers 0 || status=$?
  # 1 = built with failed documents (the stubs of ../shared/corpora fail on purpose); 2+ = the build itself failed
  if (( status > 1 )); then echo "build of $1 exited $status" >&2; exit 2; fi
}
buildAll() { # OUT
  build "$ROOT/fixtures" "$1/fixtures"
  if [[ -d "$ROOT/../shared/corpora" ]]; then build "$ROOT/../shared/corpora" "$1/corpora"; fi
  build "$dir/in/synthetic" "$1/synthetic"
}
case "$mode" in
  record)
    rm -rf "$dir/fixtures" "$dir/corpora" "$dir/synthetic"
    buildAll "$dir"
    echo "recorded $(find "$dir" -path "$dir/in" -prune -o -type f -print | wc -l) files in $dir" ;;
  compare)
    scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT
    buildAll "$scratch"
    if diff -rq "$dir" "$scratch" -x in > "$scratch.diff"; then
      echo "same output: $(find "$scratch" -type f | wc -l) files byte-identical"; rm -f "$scratch.diff"
    else
      echo "output differs in $(wc -l < "$scratch.diff") files:"; head -20 "$scratch.diff"; rm -f "$scratch.diff"; exit 1
    fi ;;
  *) echo "usage: $0 record|compare DIR" >&2; exit 2 ;;
esac
