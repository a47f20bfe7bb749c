;; Calls nest 100,000 deep, using no linear memory, then the guest exits 0: more than a default JVM thread stack
;; holds, far less than a run thread's.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $descend (param $depth i32) (result i32)
    local.get $depth
    i32.eqz
    if (result i32)
      i32.const 0
    else
      local.get $depth
      i32.const 1
      i32.sub
      call $descend
    end)
  (func (export "_start")
    i32.const 100000
    call $descend
    call $proc_exit))
