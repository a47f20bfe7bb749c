#!/usr/bin/env bash
# The remote cache (wasmguest.cache.remote) against a real nginx with WebDAV PUT on loopback (Debian nginx-light):
# it/.../RemoteCacheTest runs "machines", each a JVM with an empty cache directory: a second machine loads the
# module and compiled code a first one stored, tampered entries and entries of another key are refused and the code
# translated again, and a remote that is down or never answers costs one timeout, said once.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q nginx-light; }
work=$(mktemp -d)
mkdir -p "$work/store" "$work/logs" "$work/body"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A root master would hand its workers to "nobody", who cannot write this directory
user_line=""
[ "$(id -u)" != 0 ] || user_line="user root;"
cat > "$work/nginx.conf" <<CONF
$user_line
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 64; }
http {
  access_log $work/logs/access.log;
  client_body_temp_path $work/body;
  client_max_body_size 1g;
  server {
    listen 127.0.0.1:$port;
    root $work/store;
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for ((i = 0; i < 100; i++)); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done
mvn -B -q install -DskipTests -pl extension,assertions -am
mvn -B -pl it test -Dtest=RemoteCacheTest -Dwasmguest.it.remote="http://127.0.0.1:$port/" \
  -Dwasmguest.it.remote.store="$work/store" > "$work/test.log" 2>&1 || true
cp "$work/test.log" it/target/remote-cache.log
if ! grep -E "Tests run: 3, Failures: 0, Errors: 0, Skipped: 0" "$work/test.log" | tail -1; then
  tail -80 "$work/test.log"
  echo "remote-cache.sh: the remote cache tests failed (or were skipped; it/target/remote-cache.log); nginx's log:" >&2
  tail -20 "$work/logs/error.log" >&2
  exit 1
fi
echo "nginx served: $(grep -c '"PUT ' "$work/logs/access.log") PUTs, $(grep -c '"GET ' "$work/logs/access.log") GETs, $(grep -c '"HEAD ' "$work/logs/access.log") HEADs"
