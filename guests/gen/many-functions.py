#!/usr/bin/env python3
"""Writes the WebAssembly text of many-functions.wasm to stdout: a WASI command with thousands of functions, big
enough that translating it to JVM bytecode takes seconds, so tests can tell preparing a module from running it.

_start calls every function once, threading a 32-bit value through them, and prints it in decimal followed by a
newline (the same number on every engine, which makes it a differential check). It exits 0.

Usage: python3 many-functions.py [FUNCTIONS] > many-functions.wat
"""
import sys

FUNCTIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 40000


def function(i):
    # A few dozen instructions of mixed arithmetic, with a branch, so each function is real work to translate.
    return f"""  (func $f{i} (param $x i32) (result i32) (local $y i32)
    (local.set $y (i32.add (i32.mul (local.get $x) (i32.const {2 * i + 1})) (i32.const {i})))
    (local.set $y (i32.xor (local.get $y) (i32.shr_u (local.get $y) (i32.const {i % 31 + 1}))))
    (if (i32.and (local.get $y) (i32.const 1))
      (then (local.set $y (i32.rotl (local.get $y) (i32.const {i % 7 + 1}))))
      (else (local.set $y (i32.sub (local.get $y) (i32.const {i * 3})))))
    (local.set $y (i32.add (local.get $y) (i32.load (i32.and (local.get $y) (i32.const 1020)))))
    (i32.store (i32.and (local.get $x) (i32.const 1020)) (local.get $y))
    (i32.add (local.get $y) (i32.popcnt (local.get $x))))
"""


def main():
    out = sys.stdout
    out.write("""(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
""")
    for i in range(FUNCTIONS):
        out.write(function(i))
    out.write("""  ;; writes $n in decimal and a newline at 2048.., then prints it with fd_write
  (func $print (param $n i32) (local $p i32)
    (local.set $p (i32.const 2080))
    (i32.store8 (local.get $p) (i32.const 10))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (i32.store (i32.const 1024) (local.get $p))
    (i32.store (i32.const 1028) (i32.sub (i32.const 2081) (local.get $p)))
    (drop (call $fd_write (i32.const 1) (i32.const 1024) (i32.const 1) (i32.const 1032))))
  (func (export "_start") (local $v i32)
    (local.set $v (i32.const 7))
""")
    for i in range(FUNCTIONS):
        out.write(f"    (local.set $v (call $f{i} (local.get $v)))\n")
    out.write("""    (call $print (local.get $v)))
)
""")


main()
