#!/usr/bin/env bash
# Make sure Debian packages are installed: scripts/ensure-apt.sh PKG...
# Installs the missing ones with apt-get (root only; apt-get update runs once, and only when
# something is missing), says "ensure-apt: installed PKG" on stderr for each, and exits non-zero
# with the reason when a package is missing and cannot be installed.
set -euo pipefail

installed() { dpkg -s "$1" 2>/dev/null | grep -qx 'Status: install ok installed'; }
fail() { echo "ensure-apt: $*" >&2; exit 1; }

missing=()
for pkg in "$@"; do
  installed "$pkg" || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || fail "${missing[*]} not installed, and there is no apt-get here to install them"
[ "$(id -u)" -eq 0 ] || fail "${missing[*]} not installed; as root: apt-get install ${missing[*]}"

export DEBIAN_FRONTEND=noninteractive
# wait for another apt or dpkg run (a second test worker, an engineer) instead of failing on its lock
apt=(apt-get -o DPkg::Lock::Timeout=300)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"${apt[@]}" update -qq >"$log" 2>&1 || { cat "$log" >&2; fail "apt-get update failed (output above)"; }
for pkg in "${missing[@]}"; do
  "${apt[@]}" install -y -qq "$pkg" >"$log" 2>&1 || { cat "$log" >&2; fail "could not install $pkg (apt-get output above)"; }
  installed "$pkg" || fail "apt-get install $pkg exited 0 but dpkg does not list $pkg as installed"
  echo "ensure-apt: installed $pkg" >&2
done
