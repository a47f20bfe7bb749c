#!/usr/bin/env bash
# Runs the compute and per-run benchmarks through wasmguest (JMH) and the same guests under Node's node:wasi,
# and prints both side by side with their ratio. Needs a JDK, Maven and Node 20+.
#   bash benchmarks/compare-node.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/jmh-compute.json
bash benchmarks/run.sh ComputeBenchmark 'RunOverheadBenchmark.wasiRunner' -rf json -rff "$out" "$@" >&2
node --no-warnings --expose-gc benchmarks/node/compare.mjs "$out" guests/wasm
