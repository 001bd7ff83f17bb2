#!/usr/bin/env bash
# Installs the pinned JavaScript tools (package-lock.json) into node_modules with `npm ci`, but only
# when node_modules is missing or older than the lock file. Run by the Maven build (circuits and
# contracts modules); a lock on this script serialises the two under a parallel build (mvn -T).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
exec 9<"${BASH_SOURCE[0]}"
flock 9
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "npm ci --ignore-scripts (node_modules missing or older than package-lock.json)"
  npm ci --ignore-scripts --no-audit --no-fund
fi
