# Sourced by .ci/remote-cache.sh and benchmarks/big-guests.sh: a real HTTP server for the remote cache.
#   start_webdav DIR   starts nginx (Debian nginx-light) with WebDAV PUT on a free loopback port, serving DIR/store,
#                      logging to DIR/logs; sets webdav_url (ending with /) and webdav_pid (kill it when done)
start_webdav() {
  local dir port user_line=""
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q nginx-light; }
  mkdir -p "$dir/store" "$dir/logs" "$dir/body"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # A root master would hand its workers to "nobody", who cannot write DIR
  [ "$(id -u)" != 0 ] || user_line="user root;"
  cat > "$dir/nginx.conf" <<CONF
$user_line
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 64; }
http {
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/body;
  client_max_body_size 1g;
  server {
    listen 127.0.0.1:$port;
    root $dir/store;
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
CONF
  nginx -c "$dir/nginx.conf" -p "$dir" &
  webdav_pid=$!
  webdav_url="http://127.0.0.1:$port/"
  local i
  for ((i = 0; i < 100; i++)); do
    curl -s -o /dev/null "$webdav_url" && return 0
    sleep 0.1
  done
  echo "nginx did not start: $(cat "$dir/logs/error.log")" >&2
  return 1
}
