;; Recursion without end that uses no linear memory: only the runtime's call stack can stop it.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $descend (param $depth i32) (result i32)
    local.get $depth
    i32.const 1
    i32.add
    call $descend
    i32.const 1
    i32.add)
  (func (export "_start")
    i32.const 0
    call $descend
    call $proc_exit))
