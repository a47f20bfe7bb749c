#!/usr/bin/env bash
# The remote cache (wasmguest.cache.remote) against a real nginx with WebDAV PUT on loopback (Debian nginx-light):
# it/.../RemoteCacheTest runs "machines", each a JVM with an empty cache directory: a second machine loads the
# module and compiled code a first one stored, tampered entries and entries of another key are refused and the code
# translated again, and a remote that is down or never answers costs one timeout, said once.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/webdav.sh
source .ci/webdav.sh
work=$(mktemp -d)
start_webdav "$work"
trap 'kill $webdav_pid 2>/dev/null || true; rm -rf "$work"' EXIT
mvn -B -q install -DskipTests -pl extension,assertions -am
mvn -B -pl it test -Dtest=RemoteCacheTest -Dwasmguest.it.remote="$webdav_url" \
  -Dwasmguest.it.remote.store="$work/store" > "$work/test.log" 2>&1 || true
mkdir -p it/target && cp "$work/test.log" it/target/remote-cache.log
if ! grep -E "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0" "$work/test.log" | tail -1; then
  tail -80 "$work/test.log"
  echo "remote-cache.sh: the remote cache tests failed (or were skipped; it/target/remote-cache.log); nginx's log:" >&2
  tail -20 "$work/logs/error.log" >&2
  exit 1
fi
echo "nginx served: $(grep -c '"PUT ' "$work/logs/access.log") PUTs, $(grep -c '"GET ' "$work/logs/access.log") GETs, $(grep -c '"HEAD ' "$work/logs/access.log") HEADs"
