#!/usr/bin/env bash
# Builds users' projects against the wasmguest artifacts in the local Maven repository, as users' builds would: their
# own poms, public coordinates only, nothing from this reactor. Run `mvn install` first (.ci/run does).
#   quickstart    README's minimal pom.xml and its test, verbatim, in an empty directory: 1 test passes
#   examples      README's example test classes (<!-- example: ... -->: backtraces, reactors, imports, typed calls), verbatim, in
#                 the quickstart's project with the guests they name: every test passes
#   coverage      README's guest coverage: its Surefire setting in the quickstart pom.xml, its test, its genhtml command
#   junit6-after  wasmguest (through its BOM) declared before JUnit 6: the project gets JUnit 6 alone
#   module-path   the tests as a module, everything on the module path, run by the JUnit ConsoleLauncher
#   oldest-junit  JUnit 5.10, the oldest supported: injection, nesting, parallel runs and reports work
#   old-junit     JUnit 5.9, older than supported: fails with one clear message naming both versions
#   without-junit a plain program using WasiRunner: no JUnit on its class path, none needed
#   surefire-exit one fast test of a module that takes seconds to translate, default Surefire settings: the fork
#                 ends with its test (no "kill self fork JVM"), and the next mvn test runs compiled code at once
#   suites        README's zero-Java suites project: pom.xml and junit-platform.properties only, run by `mvn test`;
#                 Surefire counts and names the cases; README's ConsoleLauncher one-liner
#   console-standalone  the quickstart's test run by JUnit's console-standalone jar (Jupiter inside a 1.x jar)
#   cli           README's command line, verbatim: java -jar wasmguest-cli.jar with nothing else on its class path
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn=(mvn -B -ntp)

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# A fresh copy of consumers/$1 (or an empty directory) with the echo guest as a resource of its tests or code.
project() {
  local name=$1 resources=$2
  mkdir -p "$work/$name/$resources"
  [ -d "$root/consumers/$name" ] && cp -r "$root/consumers/$name/." "$work/$name/"
  cp "$root/guests/wasm/echo.wasm" "$work/$name/$resources/"
  echo "$work/$name"
}

# The fenced code block that follows the line <!-- $1 --> in README.md.
readme_block() {
  awk -v marker="<!-- $1 -->" '
    $0 == marker { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```/ { exit }
    found == 2 { print }' "$root/README.md"
}

expect_in() {
  local log=$1 text=$2
  grep -qF -- "$text" "$log" || fail "expected \"$text\" in $log:"$'\n'"$(tail -40 "$log")"
}

echo "== quickstart: README's pom.xml and test, verbatim"
dir=$(project quickstart src/test/resources)
readme_block "quickstart: pom.xml" > "$dir/pom.xml"
test_file=$(grep -o '<!-- quickstart: src/test/java/[^ ]*\.java -->' "$root/README.md" | sed 's/<!-- quickstart: //; s/ -->//')
[ -s "$dir/pom.xml" ] && [ -n "$test_file" ] || fail "README.md lacks the quickstart pom.xml or test markers"
mkdir -p "$dir/$(dirname "$test_file")"
readme_block "quickstart: $test_file" > "$dir/$test_file"
(cd "$dir" && "${mvn[@]}" test) > "$work/quickstart.log" 2>&1 || fail "mvn test of the README's pom: $(tail -40 "$work/quickstart.log")"
expect_in "$work/quickstart.log" "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"
echo "   passed: $(grep -m1 -F 'Tests run: 1,' "$work/quickstart.log")"

echo "== examples: README's example test classes, verbatim"
dir=$(project examples src/test/resources)
readme_block "quickstart: pom.xml" > "$dir/pom.xml"
examples=$(grep -o '<!-- example: src/test/java/[^ ]*\.java -->' "$root/README.md" | sed 's/<!-- example: //; s/ -->//')
[ -n "$examples" ] || fail "README.md has no example test classes"
for file in $examples; do
  mkdir -p "$dir/$(dirname "$file")"
  readme_block "example: $file" > "$dir/$file"
done
cp "$root"/guests/wasm/{crash-debug,counter,hostcall,witlib,abi.component}.wasm "$dir/src/test/resources/"
(cd "$dir" && "${mvn[@]}" test) > "$work/examples.log" 2>&1 || fail "mvn test of the README's examples: $(tail -60 "$work/examples.log")"
expect_in "$work/examples.log" "Tests run: 7, Failures: 0, Errors: 0, Skipped: 0"
echo "   passed: $(echo "$examples" | wc -l) example classes, $(grep -F 'Tests run: 7, Failures' "$work/examples.log" | tail -1)"

echo "== coverage: README's Surefire setting, test and genhtml command, verbatim"
dir=$(project coverage src/test/resources)
readme_block "coverage: surefire" > "$work/coverage-surefire.xml"
readme_block "quickstart: pom.xml" | python3 -c '
import re, sys
pom, plugin = sys.stdin.read(), open(sys.argv[1]).read()
surefire = re.compile(r"[ ]*<plugin>\s*<artifactId>maven-surefire-plugin</artifactId>.*?</plugin>\n", re.S)
if not surefire.search(pom):
    sys.exit("the quickstart pom.xml has no Surefire plugin to replace")
print(surefire.sub(lambda m: plugin, pom, count=1), end="")' "$work/coverage-surefire.xml" > "$dir/pom.xml"
mkdir -p "$dir/src/test/java/com/example" "$dir/guests/src"
readme_block "coverage: src/test/java/com/example/CoverageTest.java" > "$dir/src/test/java/com/example/CoverageTest.java"
readme_block "coverage: report" > "$work/coverage-report.sh"
[ -s "$work/coverage-surefire.xml" ] && [ -s "$dir/src/test/java/com/example/CoverageTest.java" ] \
  && [ -s "$work/coverage-report.sh" ] || fail "README.md lacks the coverage markers"
cp "$root/guests/wasm/coverage-debug.wasm" "$dir/src/test/resources/"
cp "$root/guests/src/coverage.c" "$dir/guests/src/" # where the guest's line table says its source is
(cd "$dir" && "${mvn[@]}" test) > "$work/coverage.log" 2>&1 || fail "mvn test of the README's coverage: $(tail -60 "$work/coverage.log")"
expect_in "$work/coverage.log" "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"
lcov_file="$dir/target/wasm-coverage/lcov.info"
[ -f "$lcov_file" ] || fail "mvn test left no $lcov_file"
expect_in "$lcov_file" "SF:guests/src/coverage.c"
expect_in "$lcov_file" "FNDA:0,never_called"
expect_in "$lcov_file" "FNDA:1,sum_to"
command -v genhtml >/dev/null || fail "genhtml not found: install lcov (Debian: apt-get install lcov)"
(cd "$dir" && bash "$work/coverage-report.sh") > "$work/genhtml.log" 2>&1 || fail "the README's genhtml command: $(tail -20 "$work/genhtml.log")"
page=$(find "$dir/target/wasm-coverage/html" -name coverage.c.gcov.html | head -1)
[ -n "$page" ] && grep -q lineNoCov "$page" || fail "genhtml made no page of coverage.c: $(tail -20 "$work/genhtml.log")"
echo "   passed: $(grep -F 'Tests run: 1, Failures' "$work/coverage.log" | tail -1); genhtml: $(grep -F 'lines......' "$work/genhtml.log")"

echo "== junit6-after: JUnit 6.1.3 declared after wasmguest"
dir=$(project junit6-after src/test/resources)
(cd "$dir" && "${mvn[@]}" test) > "$work/junit6.log" 2>&1 || fail "mvn test: $(tail -40 "$work/junit6.log")"
expect_in "$work/junit6.log" "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"
(cd "$dir" && "${mvn[@]}" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list) > "$work/junit6-deps.log" 2>&1
expect_in "$work/junit6-deps.log" "org.junit.jupiter:junit-jupiter-api:jar:6.1.3:test"
if grep -E 'org\.junit[a-z.]*:[a-z-]+:jar:5\.' "$work/junit6-deps.log"; then
  fail "a JUnit 5 jar reached the JUnit 6 project (above)"
fi
echo "   passed: 3 tests on JUnit 6.1.3 alone"

echo "== module-path: every jar on the module path"
dir=$(project module-path src/main/resources)
(cd "$dir" && "${mvn[@]}" package dependency:build-classpath -Dmdep.outputFile=target/module-path.txt) \
  > "$work/module-build.log" 2>&1 || fail "mvn package: $(tail -40 "$work/module-build.log")"
java --module-path "$dir/target/classes:$(cat "$dir/target/module-path.txt")" --add-modules ALL-MODULE-PATH \
  --module org.junit.platform.console/org.junit.platform.console.ConsoleLauncher execute \
  --select-module example.guests --fail-if-no-tests --disable-banner --details=tree \
  > "$work/module-path.log" 2>&1 || fail "the module-path tests: $(cat "$work/module-path.log")"
expect_in "$work/module-path.log" "[         8 tests successful      ]"
echo "   passed: 8 tests, wasmguest as modules dev.wasmguest and dev.wasmguest.assertions"

echo "== oldest-junit: JUnit 5.10.5, the oldest supported"
dir=$(project oldest-junit src/test/resources)
(cd "$dir" && "${mvn[@]}" test) > "$work/oldest-junit.log" 2>&1 || fail "mvn test: $(tail -60 "$work/oldest-junit.log")"
expect_in "$work/oldest-junit.log" "Tests run: 7, Failures: 0, Errors: 0, Skipped: 0"
# wasmguest.report=all: each test's runs went to the report (ReportEntryLog records the entries).
expect_in "$dir/target/report-entries.txt" "anInjectedRunner(WasiRunner) [wasmguest.run.1, wasmguest.run.1.stdout, wasmguest.run.1.stderr]"
echo "   passed: 7 tests on JUnit 5.10.5, runs attached to the reports"

echo "== old-junit: JUnit 5.9.3, below the supported 5.10"
dir=$(project old-junit src/test/resources)
if (cd "$dir" && "${mvn[@]}" test) > "$work/old-junit.log" 2>&1; then
  fail "the build on JUnit 5.9.3 passed; it must fail with wasmguest's message"
fi
expect_in "$work/old-junit.log" "wasmguest needs JUnit Jupiter 5.10 or newer (6.x works too), but the test class path has an older junit-jupiter-api (5.9.3)"
if grep -q "NoClassDefFoundError" "$work/old-junit.log"; then
  fail "NoClassDefFoundError on JUnit 5.9.3: $(grep -m3 NoClassDefFoundError "$work/old-junit.log")"
fi
echo "   failed as it must: $(grep -m1 -o 'wasmguest needs JUnit Jupiter[^(]*([^)]*)[^(]*' "$work/old-junit.log")"

echo "== without-junit: WasiRunner in a program with no test framework"
dir=$(project without-junit src/main/resources)
(cd "$dir" && "${mvn[@]}" package dependency:build-classpath -Dmdep.outputFile=target/class-path.txt) \
  > "$work/without-junit-build.log" 2>&1 || fail "mvn package: $(tail -40 "$work/without-junit-build.log")"
if grep -q junit "$dir/target/class-path.txt"; then
  fail "JUnit reached a project that does not use it: $(tr ':' '\n' < "$dir/target/class-path.txt" | grep junit)"
fi
java -cp "$dir/target/classes:$(cat "$dir/target/class-path.txt")" com.example.Echo hello world \
  > "$work/without-junit.log" 2>&1 || fail "the program: $(cat "$work/without-junit.log")"
expect_in "$work/without-junit.log" "stdout: hello world"
expect_in "$work/without-junit.log" "exited with code 0"
echo "   passed: the guest ran, with no JUnit on the class path"

echo "== surefire-exit: mvn test twice on an empty cache, default Surefire settings"
dir=$(project surefire-exit src/test/resources)
cp "$root/guests/wasm/many-functions.wasm" "$dir/src/test/resources/"
(cd "$dir" && "${mvn[@]}" test) > "$work/surefire-exit-1.log" 2>&1 || fail "first mvn test: $(tail -40 "$work/surefire-exit-1.log")"
expect_in "$work/surefire-exit-1.log" "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"
expect_in "$work/surefire-exit-1.log" "engine of the first run: INTERPRETER"
if grep -F -e "kill self fork JVM" -e "finishing its translation" "$work/surefire-exit-1.log"; then
  fail "the fork waited for the translation at its exit: $(tail -40 "$work/surefire-exit-1.log")"
fi
# The translation goes on in a JVM of its own after the build; a user's next build comes later than this one
for ((i = 0; i < 600; i++)); do
  compgen -G "$dir/wasm-cache/compiled/*/*.bin" >/dev/null && ! pgrep -f "DetachedTranslation $dir/wasm-cache" >/dev/null && break
  sleep 1
done
compgen -G "$dir/wasm-cache/compiled/*/*.bin" >/dev/null || fail "no compiled code stored: $(ls -la "$dir"/wasm-cache/compiled/*/)"
! compgen -G "$dir/wasm-cache/compiled/*/*.log" >/dev/null || fail "the translation failed: $(cat "$dir"/wasm-cache/compiled/*/*.log)"
(cd "$dir" && "${mvn[@]}" test) > "$work/surefire-exit-2.log" 2>&1 || fail "second mvn test: $(tail -40 "$work/surefire-exit-2.log")"
expect_in "$work/surefire-exit-2.log" "engine of the first run: COMPILER"
echo "   passed: the first build ended with its test ($(grep -m1 -o 'Total time: .*' "$work/surefire-exit-1.log")), the second ran compiled code"

echo "== suites: README's pom.xml and junit-platform.properties, no Java test code"
dir="$work/suites"
mkdir -p "$dir/src/test/resources" "$dir/src/test/wasi"
readme_block "suites: pom.xml" > "$dir/pom.xml"
readme_block "suites: src/test/resources/junit-platform.properties" > "$dir/src/test/resources/junit-platform.properties"
[ -s "$dir/pom.xml" ] && [ -s "$dir/src/test/resources/junit-platform.properties" ] \
  || fail "README.md lacks the suites pom.xml or junit-platform.properties markers"
cp -r "$root/guests/suite" "$root/guests/ops-suite" "$dir/src/test/wasi/"
cp "$root/guests/suite.toml" "$dir/src/test/wasi/expectations.toml"
(cd "$dir" && "${mvn[@]}" test) > "$work/suites.log" 2>&1 || fail "mvn test: $(tail -60 "$work/suites.log")"
[ ! -e "$dir/src/test/java" ] || fail "the suites project must have no Java test code"
# 13 cases of the own suite (9 pass, 3 expected failures, 1 skipped) and 3 of the operations suite, all run
report="$dir/target/wasi-report.json"
[ -s "$report" ] || fail "no JSON report: $(tail -40 "$work/suites.log")"
python3 - "$report" <<'PY' || fail "the JSON report: $(cat "$report" | head -c 2000)"
import json, sys
results = {suite["name"]: suite for suite in json.load(open(sys.argv[1]))["results"]}
own, ops = results["wasmguest own suite"], results["wasmguest operations suite"]
assert (own["passed"], own["failed"], own["skipped"], len(own["tests"])) == (9, 0, 4, 13), own
assert (ops["passed"], ops["failed"], len(ops["tests"])) == (3, 0, 3), ops
PY
# Surefire counts every case and names it in its XML
expect_in "$work/suites.log" "Tests run: 16, Failures: 0, Errors: 0, Skipped: 4"
xml="$dir/target/surefire-reports/TEST-dev.wasmguest.suites.WasiSuitesEngine.xml"
[ "$(grep -c '<testcase ' "$xml")" = 16 ] || fail "expected 16 testcases in $xml: $(grep '<testcase ' "$xml")"
expect_in "$xml" '<testcase name="wasmguest operations suite › upper"'
echo "   passed: $(grep -m1 -F 'Tests run: 16,' "$work/suites.log" | sed 's/^\[[A-Z]*\] //'); 16 cases in the XML and the JSON report"
# ... and a failing case fails the build, named
sed -i '/expectations/d' "$dir/src/test/resources/junit-platform.properties"
if (cd "$dir" && "${mvn[@]}" test -Dwasmguest.suites.cases='wrong_*,args') > "$work/suites-failing.log" 2>&1; then
  fail "a failing case passed the build: $(tail -40 "$work/suites-failing.log")"
fi
expect_in "$work/suites-failing.log" "Tests run: 2, Failures: 1, Errors: 0, Skipped: 0"
expect_in "$work/suites-failing.log" 'Case wrong_stdout of suite "wasmguest own suite" failed'
echo "   passed: a failing case fails mvn test, named (Tests run: 2, Failures: 1)"

echo "== suites: README's shards, verbatim, merged by the command line"
readme_block "suites: src/test/resources/junit-platform.properties" > "$dir/src/test/resources/junit-platform.properties"
version=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$root/pom.xml" | head -1)
cp "$HOME/.m2/repository/dev/wasmguest/wasmguest-cli/$version/wasmguest-cli-$version.jar" "$dir/wasmguest-cli.jar"
readme_block "suites: shards" > "$work/shards.sh"
[ -s "$work/shards.sh" ] || fail "README.md lacks the suites shards marker"
(cd "$dir" && bash -e "$work/shards.sh") > "$work/shards.log" 2>&1 || fail "the shards: $(tail -40 "$work/shards.log")"
python3 - "$dir/target" <<'PY' || fail "the shards' reports: $(head -c 3000 "$dir/target/wasi-report.json")"
import json, sys, glob
target = sys.argv[1]
def cases(report):
    return sorted((suite["name"], test["name"]) for suite in report["results"] for test in suite["tests"])
shards = [json.load(open(f"{target}/shard-{k}.json")) for k in (1, 2, 3)]
assert [s["shard"] for s in shards] == [{"index": k, "count": 3} for k in (1, 2, 3)], [s["shard"] for s in shards]
every = [case for shard in shards for case in cases(shard)]
assert len(every) == len(set(every)) == 16, every
merged = json.load(open(f"{target}/wasi-report.json"))
assert merged["merged_shards"] == 3 and cases(merged) == sorted(every), merged
results = {suite["name"]: suite for suite in merged["results"]}
own, ops = results["wasmguest own suite"], results["wasmguest operations suite"]
assert (own["passed"], own["failed"], own["skipped"]) == (9, 0, 4), own
assert (ops["passed"], ops["failed"]) == (3, 0), ops
PY
echo "   passed: 3 shards ran $(python3 -c "import json,sys; print([len([t for s in json.load(open(f'$dir/target/shard-{k}.json'))['results'] for t in s['tests']]) for k in (1,2,3)])") cases, merged into the 16 of the whole run"

echo "== suites: README's ConsoleLauncher one-liner, verbatim"
mkdir -p "$dir/wasi-testsuite/tests/c"
cp -r "$root/guests/ops-suite" "$dir/wasi-testsuite/tests/c/testsuite"
readme_block "suites: console" > "$work/console.sh"
[ -s "$work/console.sh" ] || fail "README.md lacks the suites console marker"
(cd "$dir" && bash "$work/console.sh") > "$work/console.log" 2>&1 || fail "the one-liner: $(tail -40 "$work/console.log")"
expect_in "$work/console.log" "3 tests successful"
expect_in "$work/console.log" "wasmguest operations suite › upper"
sed 's#--select-directory wasi-testsuite/tests/c/testsuite#--select-file wasi-testsuite/tests/c/testsuite/upper.json --details=flat#' \
  "$work/console.sh" > "$work/console-file.sh"
(cd "$dir" && bash "$work/console-file.sh") > "$work/console-file.log" 2>&1 || fail "--select-file: $(tail -40 "$work/console-file.log")"
expect_in "$work/console-file.log" "1 tests successful"
id=$(grep -o '\[engine:wasmguest-suites\]/\[suite:[^]]*\]/\[case:upper\]' "$work/console-file.log" | head -1)
[ -n "$id" ] || fail "no unique id printed: $(tail -20 "$work/console-file.log")"
sed "s#--select-file wasi-testsuite/tests/c/testsuite/upper.json#--select-unique-id '$id'#" \
  "$work/console-file.sh" > "$work/console-id.sh"
(cd "$dir" && bash "$work/console-id.sh") > "$work/console-id.log" 2>&1 || fail "--select-unique-id: $(tail -40 "$work/console-id.log")"
expect_in "$work/console-id.log" "1 tests successful"
echo "   passed: --select-directory ran 3 cases, --select-file 1, --select-unique-id $id 1"

echo "== console-standalone: the quickstart's test under junit-platform-console-standalone-1.14.4.jar"
dir="$work/quickstart"
dependency=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
(cd "$dir" && "${mvn[@]}" "$dependency:build-classpath" -Dmdep.includeScope=test -Dmdep.outputFile=target/test-path.txt \
  "$dependency:copy" -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.4 -DoutputDirectory=target) \
  > "$work/standalone-build.log" 2>&1 || fail "mvn dependency: $(tail -40 "$work/standalone-build.log")"
# The standalone jar carries JUnit itself: the test path keeps wasmguest, AssertJ and the rest, no JUnit jar
test_path=$(tr ':' '\n' < "$dir/target/test-path.txt" | grep -v -e '/org/junit/' -e '/opentest4j/' | paste -sd: -)
test_class=$(echo "$test_file" | sed 's#^src/test/java/##; s#\.java$##; s#/#.#g')
java -jar "$dir/target/junit-platform-console-standalone-1.14.4.jar" execute --disable-banner \
  -cp "$dir/target/test-classes:$test_path" --select-class "$test_class" \
  > "$work/standalone.log" 2>&1 || fail "the standalone launcher: $(tail -40 "$work/standalone.log")"
expect_in "$work/standalone.log" "[         1 tests successful      ]"
echo "   passed: $test_class on the console-standalone jar"

echo "== cli: README's command line, verbatim, with only the wasmguest-cli jar"
version=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$root/pom.xml" | head -1)
dir="$work/cli"
mkdir -p "$dir"
cp "$HOME/.m2/repository/dev/wasmguest/wasmguest-cli/$version/wasmguest-cli-$version.jar" "$root/guests/wasm/echo.wasm" "$dir/"
readme_block "cli" > "$work/cli.sh"
[ -s "$work/cli.sh" ] || fail "README.md lacks the cli marker"
(cd "$dir" && WASMGUEST_CACHE_DIR="$work/cli-cache" bash "$work/cli.sh") > "$work/cli.out" 2> "$work/cli.err" \
  || fail "the command line: $(cat "$work/cli.err")"
[ "$(cat "$work/cli.err")" = "env GREETING=hello" ] || fail "stderr is not the guest's alone: $(cat "$work/cli.err")"
echo "   passed: stdout $(wc -c < "$work/cli.out") bytes, stderr exactly the guest's: $(cat "$work/cli.err")"

echo "All consumer projects behaved as users' builds must."
