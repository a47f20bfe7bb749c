#!/usr/bin/env bash
# Rebuilds every test guest: guests/src/NAME.c -> guests/wasm/NAME.wasm.
# Needs Debian's clang-14, lld-14, wasi-libc and libclang-rt-14-dev-wasm32:
#   apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32
# The .wasm files are committed, so the default build needs only a JDK and Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC_WASM:-clang-14}
command -v "$cc" >/dev/null || { echo "build.sh: $cc not found; see the comment at the top" >&2; exit 1; }
for src in "$here"/src/*.c; do
  name=$(basename "$src" .c)
  # -Wl,--strip-debug: Debian's wasi-libc carries debug info that would make each guest ~5x larger.
  "$cc" --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$here/wasm/$name.wasm" "$src"
  echo "built wasm/$name.wasm ($(wc -c < "$here/wasm/$name.wasm") bytes)"
done
