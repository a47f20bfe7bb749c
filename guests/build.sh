#!/usr/bin/env bash
# Rebuilds every test guest: guests/src/NAME.c -> guests/wasm/NAME.wasm.
#                 guests/src/NAME.wat -> guests/wasm/NAME.wasm.
#                 guests/gen/NAME.py -> guests/wasm/NAME.wasm (a generator script; python3).
#                 guests/reactor/NAME.c -> guests/wasm/NAME.wasm (a reactor: _initialize and exports, no _start).
#                 guests/rust/NAME.rs -> guests/wasm/NAME.wasm and NAME-debug.wasm (Debian's rustc, wasm32-wasi).
#                 guests/src/crash.c -> also guests/wasm/crash-debug.wasm, with DWARF line tables.
#                 guests/wasm/NAME.wasm -> guests/wasm/NAME.component.wasm (a WASI 0.2 component, by jco).
#                 guests/components/NAME.wat -> guests/wasm/NAME.component.wasm (component text, by jco parse).
#                 guests/conformance/NAME.wasm -> guests/conformance-components/NAME.wasm (the case as a component).
# Needs Debian's clang-14, lld-14 (llvm-objcopy comes with them), wasi-libc, libclang-rt-14-dev-wasm32, wabt (for
# wat2wasm), rustc and libstd-rust-dev-wasm32:
#   apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 wabt rustc libstd-rust-dev-wasm32
# and jco (Node 20): npm install -g @bytecodealliance/jco@1.35.0
# The .wasm files are committed, so the default build needs only a JDK and Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cc=${CC_WASM:-clang-14}
# Debian's rustc by path: a rustup toolchain first on PATH may lack the wasm32-wasi standard library.
rustc=${RUSTC_WASM:-/usr/bin/rustc}
objcopy=${OBJCOPY_WASM:-llvm-objcopy-14}
for tool in "$cc" wat2wasm "$rustc" "$objcopy"; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found; see the comment at the top" >&2; exit 1; }
done
for src in "$here"/src/*.c; do
  name=$(basename "$src" .c)
  # -Wl,--strip-debug: Debian's wasi-libc carries debug info that would make each guest ~5x larger.
  "$cc" --target=wasm32-wasi -O2 -Wl,--strip-debug -o "$here/wasm/$name.wasm" "$src"
  echo "built wasm/$name.wasm ($(wc -c < "$here/wasm/$name.wasm") bytes)"
done
# Reactors: guests/reactor/NAME.c -> guests/wasm/NAME.wasm, a library module that exports _initialize, not _start.
for src in "$here"/reactor/*.c; do
  name=$(basename "$src" .c)
  "$cc" --target=wasm32-wasi -O2 -mexec-model=reactor -Wl,--strip-debug -o "$here/wasm/$name.wasm" "$src"
  echo "built wasm/$name.wasm, a reactor ($(wc -c < "$here/wasm/$name.wasm") bytes)"
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
# Guests with debug information, for backtraces: only the name section and the line table (.debug_line) are kept,
# so that a guest stays small and its bytes do not depend on where the project is checked out.
keep_lines_only() {
  "$objcopy" --wildcard --remove-section='.debug_*' --keep-section=.debug_line "$1" "$1.tmp"
  mv "$1.tmp" "$1"
}
(
  cd "$root"
  "$cc" --target=wasm32-wasi -O2 -g -fdebug-prefix-map="$root"=. -o guests/wasm/crash-debug.wasm guests/src/crash.c
  keep_lines_only guests/wasm/crash-debug.wasm
  echo "built wasm/crash-debug.wasm ($(wc -c < guests/wasm/crash-debug.wasm) bytes)"
  # For coverage: -O0, so that every line of the source keeps its code
  "$cc" --target=wasm32-wasi -O0 -g -fdebug-prefix-map="$root"=. -o guests/wasm/coverage-debug.wasm guests/src/coverage.c
  keep_lines_only guests/wasm/coverage-debug.wasm
  echo "built wasm/coverage-debug.wasm ($(wc -c < guests/wasm/coverage-debug.wasm) bytes)"
  # A function split into parts, with its lines, for the backtraces of a trap in a part
  "$cc" --target=wasm32-wasi -O2 -g -fdebug-prefix-map="$root"=. -o guests/wasm/big-switch-debug.wasm guests/src/big-switch.c
  keep_lines_only guests/wasm/big-switch-debug.wasm
  echo "built wasm/big-switch-debug.wasm ($(wc -c < guests/wasm/big-switch-debug.wasm) bytes)"
  # The compute guests with line tables, for what coverage costs (benchmarks/coverage.sh)
  for name in sieve sha256; do
    "$cc" --target=wasm32-wasi -O2 -g -fdebug-prefix-map="$root"=. -o "guests/wasm/$name-debug.wasm" "guests/src/$name.c"
    keep_lines_only "guests/wasm/$name-debug.wasm"
    echo "built wasm/$name-debug.wasm ($(wc -c < "guests/wasm/$name-debug.wasm") bytes)"
  done
  for src in guests/rust/*.rs; do
    name=$(basename "$src" .rs)
    "$rustc" --target wasm32-wasi -C opt-level=2 -C strip=debuginfo -o "guests/wasm/$name.wasm" "$src"
    echo "built wasm/$name.wasm ($(wc -c < "guests/wasm/$name.wasm") bytes)"
    "$rustc" --target wasm32-wasi -C opt-level=2 -C debuginfo=1 --remap-path-prefix="$root"=. \
      -o "guests/wasm/$name-debug.wasm" "$src"
    keep_lines_only "guests/wasm/$name-debug.wasm"
    echo "built wasm/$name-debug.wasm ($(wc -c < "guests/wasm/$name-debug.wasm") bytes)"
  done
)
# Components: command guests wrapped by jco's preview 1 adapter into WASI 0.2 components (wasi:cli/run), the form
# `jco run` runs under Node. Needs jco: npm install -g @bytecodealliance/jco@1.35.0 (or JCO=path/to/jco).
jco=${JCO:-jco}
command -v "$jco" >/dev/null || { echo "build.sh: $jco not found; see the comment above" >&2; exit 1; }
for name in seed echo clockrand exit trap loop-call loop-branch membomb flood sieve sha256 divzero crash crash-debug \
    recursion deep-calls nested-calls huge-function panic panic-debug fsops filewriter prober; do
  "$jco" new "$here/wasm/$name.wasm" --wasi-command -o "$here/wasm/$name.component.wasm"
  echo "built wasm/$name.component.wasm, a component ($(wc -c < "$here/wasm/$name.component.wasm") bytes)"
done
# Components written by hand, without the adapter: guests/components/NAME.wat -> guests/wasm/NAME.component.wasm.
for src in "$here"/components/*.wat; do
  name=$(basename "$src" .wat)
  "$jco" parse "$src" -o "$here/wasm/$name.component.wasm"
  echo "built wasm/$name.component.wasm, a component from its text ($(wc -c < "$here/wasm/$name.component.wasm") bytes)"
done
# The conformance cases again as components: guests/conformance-components holds each case's component under the
# case's name, with copies of its spec and of the fixture directories, so that the suites run them alike.
rm -rf "$here/conformance-components"
mkdir "$here/conformance-components"
cp -r "$here"/conformance/*.dir "$here/conformance-components/"
for module in "$here"/conformance/*.wasm; do
  name=$(basename "$module" .wasm)
  "$jco" new "$module" --wasi-command -o "$here/conformance-components/$name.wasm"
  if [ -f "$here/conformance/$name.json" ]; then cp "$here/conformance/$name.json" "$here/conformance-components/"; fi
done
echo "built conformance-components: $(ls "$here"/conformance-components/*.wasm | wc -l) cases as components"
