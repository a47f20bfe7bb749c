#!/usr/bin/env bash
# What guest coverage costs: CoverageBenchmark (JMH) runs the sieve and sha256 guests, built with line tables, with
# coverage off and on in each engine, and this prints each covered run's time over the uncovered one's, measured in
# the same run (the goal: at most 3x, in both engines).
# Usage: bash benchmarks/coverage.sh [JMH options, e.g. -wi 1 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
results=benchmarks/target/coverage.csv
mkdir -p benchmarks/target
bash benchmarks/run.sh CoverageBenchmark -rf csv -rff "$results" "$@" >&2
# CSV columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: coverage","Param: engine","Param: guest"
awk -F, 'NR > 1 {
    gsub(/"/, "");
    key = $10 " " $9; score[key "," $8] = $5; keys[key] = 1
  } END {
    printf "%-28s %12s %12s %8s\n", "guest engine", "off (ms)", "on (ms)", "ratio";
    for (key in keys) {
      printf "%-28s %12.1f %12.1f %7.2fx\n", key, score[key ",off"], score[key ",on"], score[key ",on"] / score[key ",off"]
    }
  }' "$results" | sort
