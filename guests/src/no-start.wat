;; A library module: it exports a function but no _start, so it is not a WASI command.
(module
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add))
