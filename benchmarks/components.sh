#!/usr/bin/env bash
# Large real WASI programs as WASI 0.2 components against the modules they were made from: each module from npm
# (never committed) is wrapped by jco's preview 1 adapter (`jco new --wasi-command`), and both run the same work in
# new JVMs whose cache directory an earlier JVM filled (the component's program is the module, byte for byte, so
# both find its compiled code there). Prints the time from asking for a run to its result, first and second run in
# the JVM, and the component's ratio to the module's (issue 27's target: yosys, first result, <= 1.5x).
# Usage: bash benchmarks/components.sh [flite|yosys|all] [repetitions]     (default: all 3)
# Needs a JDK, Maven, Node 20+, npm, jco (npm install -g @bytecodealliance/jco@1.35.0) and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
reps=${2:-3}
bench=benchmarks/target/components
# What the guests see at /work: only their input, not the caches beside it, which a run would copy in
guest="$bench/guest"
mkdir -p "$guest"
mvn -B -q install -DskipTests
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

# shellcheck source=benchmarks/large-modules.sh
source benchmarks/large-modules.sh

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed "s/.*$1=\([0-9a-f]*\).*/\1/" <<<"$2"; }

jvm() { # jvm CACHE GUEST ARGS...: one new JVM, its first and second result
  java -Xmx8g -cp "$classpath" -Dwasmguest.cache.dir="$1" dev.wasmguest.benchmarks.FirstResults "$2" "$guest" /work \
    "${@:3}" | tail -1
}

rows=()
measure() { # measure NAME MODULE ARGS...
  local name=$1 module=$2 cache=$bench/cache-$1 component=${2%.wasm}.component.wasm
  shift 2
  [ -f "$component" ] || jco new "$module" --wasi-command -o "$component"
  rm -rf "$cache"
  echo "  $name module, filling the cache: $(jvm "$cache" "$module" "$@")" >&2
  echo "  $name component, filling the cache: $(jvm "$cache" "$component" "$@")" >&2
  local m1=() m2=() c1=() c2=() line stdout
  for ((i = 0; i < reps; i++)); do
    line=$(jvm "$cache" "$module" "$@")
    echo "  $name module, next JVM: $line" >&2
    m1+=("$(field first_ms "$line")") m2+=("$(field second_ms "$line")")
    stdout=$(field stdout "$line")
    line=$(jvm "$cache" "$component" "$@")
    echo "  $name component, next JVM: $line" >&2
    c1+=("$(field first_ms "$line")") c2+=("$(field second_ms "$line")")
    [ "$(field stdout "$line")" = "$stdout" ] || { echo "the component printed other output than the module" >&2; exit 1; }
  done
  row "$name" "next JVM, first result" "$(printf '%s\n' "${c1[@]}" | median)" "$(printf '%s\n' "${m1[@]}" | median)" 1.5
  row "$name" "same JVM, 2nd run" "$(printf '%s\n' "${c2[@]}" | median)" "$(printf '%s\n' "${m2[@]}" | median)" 2
}

row() { # row NAME WHAT COMPONENT_MS MODULE_MS TARGET_RATIO
  rows+=("$(awk -v name="$1" -v what="$2" -v c="$3" -v m="$4" -v target="$5" 'BEGIN {
    ratio = c / m
    printf "| %-5s | %-22s | %8.0f ms | %8.0f ms | %5.2fx | <= %3.1fx %s |", name, what, c, m, ratio, target,
      (ratio <= target ? "met" : "MISSED")
  }')")
}

for_each_program "$which" "$guest" measure
echo
echo "Components against their modules, the same output; engine auto; medians of $reps"
echo "| guest | case                   | component   | module      | ratio  | target        |"
echo "|-------|------------------------|-------------|-------------|--------|---------------|"
printf '%s\n' "${rows[@]}"
