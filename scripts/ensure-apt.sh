#!/usr/bin/env bash
# Install Debian packages that a test, benchmark or fixture script needs, when they are missing.
# Usage: scripts/ensure-apt.sh PKG [PKG...]   (exit 0 when all are installed afterwards)
# A fresh CI machine has none of them; each script that needs one calls this first.
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-apt: missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "ensure-apt: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# one apt at a time: tests may ask in parallel
exec 9>/tmp/plancorpus-ensure-apt.lock
flock 9
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
