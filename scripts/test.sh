#!/usr/bin/env bash
# Every test: the whole solution once, then the host's tests again on PostgreSQL (every test host on a database of its own;
# the few that look at SQLite's files are tagged Store=sqlite and left out). In the first pass the store's tests
# (tests/Normalizer.Storage.Tests) run their contract on every engine available, SQLite and PostgreSQL, and SQL Server with
# NORMALIZER_TEST_SQLSERVER (a connection string to a SQL Server; none can be started here), on which the host's tests
# then run a third time. A PostgreSQL server is taken from NORMALIZER_TEST_POSTGRES, or a private cluster is started for
# the run (scripts/postgres.sh; installs Debian's `postgresql` when missing) and stopped at the end, even when tests fail.
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${NORMALIZER_TEST_POSTGRES:-}" ]]; then
  cluster=$(mktemp -d /tmp/normalizer-pg.XXXXXX)
  trap 'scripts/postgres.sh stop "$cluster"' EXIT
  eval "$(scripts/postgres.sh start "$cluster")" || { echo "test.sh: could not start PostgreSQL" >&2; exit 1; }
fi
export NORMALIZER_TEST_POSTGRES

echo "== every project (the store's tests on SQLite, PostgreSQL${NORMALIZER_TEST_SQLSERVER:+ and SQL Server})"
dotnet test Normalizer.sln
status=$?

echo "== the host's tests on PostgreSQL"
NORMALIZER_TEST_STORE=postgres dotnet test tests/Host.Tests/Host.Tests.csproj --no-build --filter "Store!=sqlite&Store!=postgres" || status=1
if [[ -n "${NORMALIZER_TEST_SQLSERVER:-}" ]]; then
  echo "== the host's tests on SQL Server"
  NORMALIZER_TEST_STORE=sqlserver dotnet test tests/Host.Tests/Host.Tests.csproj --no-build --filter "Store!=sqlite&Store!=postgres" || status=1
fi
exit "$status"
