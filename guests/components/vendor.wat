;; A library component that imports what no host here serves: a vendor's interface (example:vendor/lookup) and one
;; named like wasi:sockets'. Its export probe calls lookup("key") and returns the answer plus one, and ready passes on
;; the other import's bool, so that a test sees what wasmguest.imports.unknown made of them: the component refused,
;; a trap naming the import, or zero values.
(component
  (import "example:vendor/lookup@1.0.0" (instance $lookup
    (export "lookup" (func (param "key" string) (result u32)))))
  (import "wasi:sockets/instance-network@0.2.0" (instance $net
    (export "ready" (func (result bool)))))
  (core module $memory-module
    (memory (export "memory") 1))
  (core instance $memory-instance (instantiate $memory-module))
  (alias core export $memory-instance "memory" (core memory $memory))
  (alias export $lookup "lookup" (func $lookup-func))
  (alias export $net "ready" (func $ready-func))
  (core func $lookup-core (canon lower (func $lookup-func) (memory $memory)))
  (core func $ready-core (canon lower (func $ready-func)))
  (core module $m
    (import "env" "memory" (memory 1))
    (import "host" "lookup" (func $lookup (param i32 i32) (result i32)))
    (import "host" "ready" (func $ready (result i32)))
    (data (i32.const 16) "key")
    (func (export "probe") (result i32)
      (i32.add (call $lookup (i32.const 16) (i32.const 3)) (i32.const 1)))
    (func (export "ready") (result i32)
      (call $ready)))
  (core instance $i (instantiate $m
    (with "env" (instance (export "memory" (memory $memory))))
    (with "host" (instance (export "lookup" (func $lookup-core)) (export "ready" (func $ready-core))))))
  (func (export "probe") (result u32) (canon lift (core func $i "probe")))
  (func (export "ready") (result bool) (canon lift (core func $i "ready"))))
