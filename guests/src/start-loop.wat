;; A library module (a WASI reactor) whose start function never ends: its instantiation must be bounded by the
;; runner's timeout like any guest code, not hang the test that instantiates it.
(module
  (memory (export "memory") 1)
  (func $spin (loop $forever (br $forever)))
  (func (export "_initialize"))
  (func (export "answer") (result i32) i32.const 42)
  (start $spin))
