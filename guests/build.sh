#!/usr/bin/env bash
# Rebuilds every test guest: guests/src/NAME.c -> guests/wasm/NAME.wasm.
#                 guests/src/NAME.wat -> guests/wasm/NAME.wasm.
#                 guests/gen/NAME.py -> guests/wasm/NAME.wasm (a generator script; python3).
# Needs Debian's clang-14, lld-14, wasi-libc, libclang-rt-14-dev-wasm32 and wabt (for wat2wasm):
#   apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 wabt
# The .wasm files are committed, so the default build needs only a JDK and Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC_WASM:-clang-14}
for tool in "$cc" wat2wasm; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found; see the comment at the top" >&2; exit 1; }
done
for src in "$here"/src/*.c; do
  name=$(basename "$src" .c)
  # -Wl,--strip-debug: Debian's wasi-libc carries debug info that would make each guest ~5x larger.
  "$cc" --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$here/wasm/$name.wasm" "$src"
  echo "built wasm/$name.wasm ($(wc -c < "$here/wasm/$name.wasm") bytes)"
done
# The spec-driven suites: guests/{suite,ops-suite,conformance}/NAME.c -> NAME.wasm beside NAME.json.
for src in "$here"/suite/*.c "$here"/ops-suite/*.c "$here"/conformance/*.c; do
  out="${src%.c}.wasm"
  "$cc" --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$out" "$src"
  echo "built ${out#"$here"/} ($(wc -c < "$out") bytes)"
done
for src in "$here"/src/*.wat; do
  name=$(basename "$src" .wat)
  wat2wasm -o "$here/wasm/$name.wasm" "$src"
  echo "built wasm/$name.wasm ($(wc -c < "$here/wasm/$name.wasm") bytes)"
done
# Generated guests: guests/gen/NAME.py writes the text of wasm/NAME.wasm (Debian's python3).
for gen in "$here"/gen/*.py; do
  name=$(basename "$gen" .py)
  wat=$(mktemp --suffix=.wat)
  python3 "$gen" > "$wat"
  wat2wasm -o "$here/wasm/$name.wasm" "$wat"
  rm -f "$wat"
  echo "built wasm/$name.wasm from gen/$name.py ($(wc -c < "$here/wasm/$name.wasm") bytes)"
done
