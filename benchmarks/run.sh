#!/usr/bin/env bash
# Builds and runs the JMH benchmarks: bash benchmarks/run.sh [JMH options, e.g. RunOverhead -f 1]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "$@"
