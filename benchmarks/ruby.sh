#!/usr/bin/env bash
# The README's ruby.wasm example (it/.../RubyTest) on the real package: a Ruby interpreter built with wit-bindgen's
# first ABI, driven by typed calls (`puts 1+2`). The package is fetched with npm pack, never committed.
# Usage: bash benchmarks/ruby.sh [engine]     (auto, compiler or interpreter; default: the configured one, auto)
# Needs a JDK, Maven, npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
work=benchmarks/target/ruby
mkdir -p "$work"
wasm="$PWD/$work/package/dist/ruby+stdlib.wasm"
if [ ! -f "$wasm" ]; then
  (cd "$work" && npm pack --silent @ruby/3.4-wasm-wasi@2.10.1 > /dev/null && tar xzf ruby-3.4-wasm-wasi-2.10.1.tgz)
fi
mvn -B -q install -DskipTests -pl extension,assertions -am
engine=()
[ -z "${1:-}" ] || engine=(-Dwasmguest.engine="$1")
mvn -B -pl it test -Dtest=RubyTest -Dwasmguest.it.ruby="$wasm" "${engine[@]}" > "$work/test.log" 2>&1 || true
grep -E "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$work/test.log" | tail -1 || {
  tail -60 "$work/test.log"
  echo "ruby.sh: the README's ruby example failed (or was skipped); see $work/test.log" >&2
  exit 1
}
