#!/usr/bin/env bash
# A component made by a real toolchain without the preview 1 adapter: guests/componentize-js (JavaScript) made into a
# component by componentize-js (pinned; from npm, never committed: 12 MB), then called with Java values by
# it/.../ComponentizeJsTest. Needs Node 20+, npm, Maven and the artifacts installed (mvn install).
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.23.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r guests/componentize-js/. "$work/"
(cd "$work" && npm install --silent --no-save "@bytecodealliance/componentize-js@$version" > /dev/null)
node "$work/build.mjs" "$work/greeter.component.wasm"
mvn -B -pl it test -Dtest=ComponentizeJsTest -Dwasmguest.it.componentizeJs="$work/greeter.component.wasm" \
  > "$work/test.log" 2>&1 || true
grep -E "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$work/test.log" | tail -1 || {
  tail -60 "$work/test.log"
  echo "componentize-js.sh: the componentize-js component's test failed (or was skipped)" >&2
  exit 1
}
