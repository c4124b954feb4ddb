;; echo.wat: a Lambda function written by hand in WebAssembly text, to show
;; that the learnsls ABI (sandbox/guest/ABI.md) needs nothing from Go.
;;
;; For each invocation it logs one line on stdout, then
;;   - if the event is a JSON string (first byte '"'), fails with
;;     {"errorMessage":"strings are not accepted","errorType":"WatError"};
;;   - otherwise answers {"echo":<event>}.
;;
;; Build: wat2wasm echo.wat -o echo.wasm   (wabt 1.0.32, Debian package "wabt")
(module
  (import "learnsls" "next_invocation" (func $next (param i32 i32) (result i32)))
  (import "learnsls" "read_invocation" (func $read (param i32 i32)))
  (import "learnsls" "invocation_response" (func $respond (param i32 i32)))
  (import "learnsls" "invocation_error" (func $fail (param i32 i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  (memory (export "memory") 2)

  ;; Memory map:
  ;;   0   meta length (u32)      4   payload length (u32)
  ;;   16  iovec for fd_write     32  bytes written by fd_write
  ;;   64  log line               128 error JSON
  ;;   1024 metadata buffer (up to 7 KiB)
  ;;   8184 "{\"echo\":" prefix, 8192 payload, then "}"
  (data (i32.const 64) "wat handler invoked\n")
  (data (i32.const 128) "{\"errorMessage\":\"strings are not accepted\",\"errorType\":\"WatError\"}")
  (data (i32.const 8184) "{\"echo\":")

  (func $log
    (i32.store (i32.const 16) (i32.const 64))   ;; iov.buf
    (i32.store (i32.const 20) (i32.const 20))   ;; iov.len
    (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 32))))

  (func (export "_start")
    (local $len i32)
    (block $shutdown
      (loop $serve
        ;; Wait for work; a non-zero answer means the host shuts us down.
        (br_if $shutdown (call $next (i32.const 0) (i32.const 4)))
        (local.set $len (i32.load (i32.const 4)))
        ;; Refuse payloads that would not fit in the second page.
        (if (i32.gt_u (local.get $len) (i32.const 57000))
          (then unreachable))
        (call $read (i32.const 1024) (i32.const 8192))
        (call $log)
        (if (i32.eq (i32.load8_u (i32.const 8192)) (i32.const 34))
          (then
            (call $fail (i32.const 128) (i32.const 66)))
          (else
            (i32.store8 (i32.add (i32.const 8192) (local.get $len)) (i32.const 125))
            (call $respond (i32.const 8184) (i32.add (local.get $len) (i32.const 9)))))
        (br $serve)))))
