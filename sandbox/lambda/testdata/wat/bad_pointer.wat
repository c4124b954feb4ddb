;; bad_pointer.wat: a function that asks the host to write the invocation
;; lengths outside its memory, which must end the environment, not the host.
;;
;; Build: wat2wasm bad_pointer.wat -o bad_pointer.wasm   (wabt 1.0.32)
(module
  (import "learnsls" "next_invocation" (func $next (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $next (i32.const 0) (i32.const 0x7ffffff0)))))
