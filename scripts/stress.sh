#!/usr/bin/env bash
# npm run test:stress [-- RUNS [SCRIPT...]]
#
# Runs the suites (default: `npm test`, then `npm run test:reliability`) RUNS times in a row (default 5, or
# STRESS_RUNS) while `stress-ng --cpu 2` keeps two cores busy: a 2-core CI machine with a noisy neighbour. A test
# that leans on timing fails here long before it fails in CI. Stops at the first failing run and names it.
# A developer's tool, not part of .ci/run. Example: `npm run test:stress -- 2 test` runs `npm test` twice.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-${STRESS_RUNS:-5}}"
shift || true
scripts=("$@")
[ ${#scripts[@]} -gt 0 ] || scripts=(test test:reliability)
cpus="${STRESS_CPUS:-2}"

if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: npm run test:stress -- [RUNS] [SCRIPT...]   (RUNS is a positive number, got '$runs')" >&2
  exit 2
fi
if ! command -v stress-ng >/dev/null; then
  echo "stress-ng is not installed; on Debian: sudo apt-get install stress-ng" >&2
  exit 2
fi

stress-ng --cpu "$cpus" --quiet &
stress_pid=$!
trap 'kill "$stress_pid" 2>/dev/null || true; wait "$stress_pid" 2>/dev/null || true' EXIT

for ((run = 1; run <= runs; run++)); do
  for script in "${scripts[@]}"; do
    echo "=== stress run $run of $runs: npm run $script (stress-ng --cpu $cpus)"
    started=$SECONDS
    if ! npm run "$script"; then
      echo "=== stress run $run of $runs FAILED in npm run $script (after $((SECONDS - started)) s)" >&2
      exit 1
    fi
    echo "=== stress run $run of $runs: npm run $script passed in $((SECONDS - started)) s"
  done
done
echo "=== all $runs stress runs passed: ${scripts[*]} (stress-ng --cpu $cpus)"
