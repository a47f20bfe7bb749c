;; Branches that carry values out of nested code, for function splitting: br and br_if to blocks with a result, a
;; loop with a result, a br_table, an early return and a conditional return of the function's result, each from
;; blocks large enough to be moved into parts of their own. _start sums $classify over 0..1999 and prints the sum.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  (func $mix (param $a i32) (param $b i32) (result i32)
    (i32.xor (i32.mul (local.get $a) (i32.const 31)) (i32.add (local.get $b) (i32.const 17))))

  (func $classify (param $x i32) (result i32)
    (local $acc i32) (local $i i32) (local $wide i64)
    (local.set $acc (local.get $x))
    (block $outer (result i32)
      (block $a (result i32)
        (block $b (result i32)
          ;; a conditional branch out with a value, from two blocks down
          (block $c
            (local.set $acc (call $mix (local.get $acc) (local.get $x)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 3)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 5)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 7)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 11)))
            (drop (br_if $outer (i32.add (local.get $acc) (i32.const 1000))
              (i32.eq (i32.rem_u (local.get $x) (i32.const 13)) (i32.const 0))))
            (br_if $c (i32.eq (i32.rem_u (local.get $x) (i32.const 2)) (i32.const 0)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 13))))
          ;; a loop with a result, left early with a value for $b
          (loop $again (result i32)
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (local.set $acc (call $mix (local.get $acc) (local.get $i)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 19)))
            (local.set $acc (call $mix (local.get $acc) (i32.const 23)))
            (local.set $wide (i64.add (local.get $wide) (i64.extend_i32_u (local.get $acc))))
            (if (i32.eq (i32.rem_u (local.get $acc) (i32.const 5)) (i32.const 0))
              (then (br $b (i32.wrap_i64 (local.get $wide)))))
            (if (i32.gt_u (local.get $i) (i32.const 9))
              (then (return (i32.sub (i32.const 0) (local.get $i)))))
            (br_if $again (i32.lt_u (local.get $i) (i32.const 20)))
            (local.get $acc)))
        ;; $b's value is on the stack: pick a block by it, each leaving with a value
        (local.set $acc)
        (block $t0 (result i32)
          (block $t1 (result i32)
            (block $t2 (result i32)
              (local.set $acc (call $mix (local.get $acc) (i32.const 29)))
              (local.set $acc (call $mix (local.get $acc) (i32.const 31)))
              (local.set $acc (call $mix (local.get $acc) (i32.const 37)))
              (local.get $acc)
              (i32.rem_u (local.get $acc) (i32.const 4))
              (br_table $t0 $t1 $t2 $a))
            (i32.add (i32.const 2))
            (br $a))
          (i32.add (i32.const 1)))
        (local.set $acc)
        ;; a conditional branch whose value stays on the stack when it is not taken
        (br_if $outer (local.get $acc) (i32.eq (i32.and (local.get $acc) (i32.const 1)) (i32.const 1))))
      (i32.const 7)
      (i32.mul)))

  ;; Prints n in decimal and a newline.
  (func $print (param $n i32)
    (local $at i32)
    (local.set $at (i32.const 100))
    (i32.store8 (local.get $at) (i32.const 10))
    (loop $digits
      (local.set $at (i32.sub (local.get $at) (i32.const 1)))
      (i32.store8 (local.get $at) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digits (local.get $n)))
    (i32.store (i32.const 0) (local.get $at))
    (i32.store (i32.const 4) (i32.sub (i32.const 101) (local.get $at)))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "_start")
    (local $x i32) (local $sum i32)
    (loop $each
      (local.set $sum (i32.add (local.get $sum) (call $classify (local.get $x))))
      (local.set $x (i32.add (local.get $x) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $x) (i32.const 2000))))
    (call $print (local.get $sum))
    (call $proc_exit (i32.const 0))))
