;; init_error.wat: a function whose init fails. It reports the failure with
;; learnsls.init_error and never asks for an invocation.
;;
;; Build: wat2wasm init_error.wat -o init_error.wasm   (wabt 1.0.32)
(module
  (import "learnsls" "init_error" (func $init_error (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "{\"errorMessage\":\"missing TABLE_NAME\",\"errorType\":\"Runtime.InitError\"}")
  (func (export "_start")
    (call $init_error (i32.const 0) (i32.const 69))))
