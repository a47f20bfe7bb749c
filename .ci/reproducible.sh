#!/usr/bin/env bash
# Reproducible builds: two clean builds of this commit must give byte-identical published files (jars, sources,
# javadoc, poms). Builds twice from scratch and compares every file that `mvn install` would publish.
set -euo pipefail
cd "$(dirname "$0")/.."

published=(extension assertions suites cli bom)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() {
  local into=$1
  mvn -B -q clean package -Dmaven.test.skip=true -pl "$(IFS=,; echo "${published[*]}")" -am
  mkdir -p "$into"
  for module in "${published[@]}"; do
    find "$module/target" -maxdepth 1 -name '*.jar' ! -name 'original-*' -exec cp {} "$into/" \;
  done
  cp bom/target/flattened-pom.xml "$into/wasmguest-bom.pom" # the BOM as published: generated, so checked too
}

echo "== first clean build"
build "$work/first"
echo "== second clean build"
build "$work/second"

count=$(find "$work/first" -type f | wc -l)
if [ "$count" -lt 11 ]; then
  echo "Expected the jars, sources and javadoc of three modules, the command line's jar and the BOM; found only $count files" >&2
  exit 1
fi
if ! diff <(cd "$work/first" && sha256sum ./* | sort) <(cd "$work/second" && sha256sum ./* | sort); then
  echo "NOT reproducible: the two builds above differ (see the lines marked < and >)." >&2
  for file in "$work"/first/*.jar; do
    name=$(basename "$file")
    cmp -s "$file" "$work/second/$name" || diff <(unzip -lv "$file") <(unzip -lv "$work/second/$name") | head -20 >&2
  done
  exit 1
fi
echo "Reproducible: $count files byte-identical in two clean builds:"
(cd "$work/first" && sha256sum ./* | sed 's#\./##')
