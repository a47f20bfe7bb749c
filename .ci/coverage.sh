#!/usr/bin/env bash
# Guest coverage as a build uses it: it/.../CoverageTest runs guests/src/coverage.c (built -O0 -g) by the command line and in two JVMs at
# once, which merge into one lcov.info, and Debian's genhtml renders that file (-Dwasmguest.it.genhtml). The unit
# tests (extension/.../CoverageCountersTest, in mvn verify) check the counts of each branch, the function never
# called, and that both engines count the same.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v genhtml >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q lcov
fi
log=it/target/coverage.log
mkdir -p it/target
mvn -B -q install -DskipTests -pl extension,assertions -am
mvn -B -pl it test -Dtest=CoverageTest -Dwasmguest.it.genhtml=true > "$log" 2>&1 || true
if ! grep -E "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0" "$log" | tail -1; then
  tail -80 "$log"
  echo "coverage.sh: the coverage tests failed (or were skipped; $log)" >&2
  exit 1
fi
genhtml --version
