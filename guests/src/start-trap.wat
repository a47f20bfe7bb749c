;; A library module (a WASI reactor) whose start function traps while it is being instantiated, before its
;; _initialize: WasiRunner.instantiate() must give a trapped initialization, not throw the runtime's exception.
(module
  (memory (export "memory") 1)
  (func $check_setup unreachable)
  (func (export "_initialize"))
  (func (export "answer") (result i32) i32.const 42)
  (start $check_setup))
