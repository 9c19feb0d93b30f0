#!/usr/bin/env bash
# The README's test command: sets up what the tests need on a fresh machine, then runs the whole test suite.
# - Debian's chromium for the dashboard's browser test (Playwright drives /usr/bin/chromium; we never run
#   `playwright install`, which downloads its own browser builds);
# - PostgreSQL 15 binaries (initdb/pg_ctl) for the PostgreSQL fixtures, which start and stop their own throw-away server.
# Arguments are passed to `dotnet test` (e.g. --filter, --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "scripts/test.sh: /usr/bin/chromium is missing; installing Debian's chromium for the dashboard's browser test" >&2
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

pg_bin=/usr/lib/postgresql/15/bin
for tool in initdb pg_ctl postgres; do
  if [ ! -x "$pg_bin/$tool" ]; then
    echo "scripts/test.sh: $pg_bin/$tool is missing: the PostgreSQL tests need PostgreSQL 15's server binaries" >&2
    echo "  hint: install them (Debian: apt-get install -y postgresql-15) or use the machine image, which has them" >&2
    exit 2
  fi
done

exec dotnet test AzureLocalUpgrade.sln "$@"
